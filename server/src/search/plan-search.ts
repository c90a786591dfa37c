/**
 * Reads what a user typed into the search box: an INSEE code, a postcode, a commune name
 * (accents, case, "st"/"saint" and hyphens ignored) or an address-like text from which the
 * postcode and the commune name are picked out.
 */
import { normalizeName } from '../lib/text';

export interface SearchPlan {
  /** 5-character tokens that may be INSEE codes (current or old). */
  codes: string[];
  /** 5-digit tokens that may be postcodes. */
  postcodes: string[];
  /** Normalised full text for name matching ('' when the query is only codes). */
  name: string;
  /** Word windows of an address-like text that may be an exact commune name, longest first. */
  windows: string[];
}

const CODE = /^(\d{5}|2[AB]\d{3})$/i;
const POSTCODE = /^\d{5}$/;

export function planSearch(query: string): SearchPlan {
  const tokens = query.trim().split(/[\s,;]+/).filter(Boolean);
  const codes = [...new Set(tokens.filter((t) => CODE.test(t)).map((t) => t.toUpperCase()))];
  const postcodes = [...new Set(tokens.filter((t) => POSTCODE.test(t)))];
  const words = tokens.filter((t) => !CODE.test(t));
  const name = normalizeName(words.join(' '));
  const normWords = name.split(' ').filter((w) => w.length > 0 && !/^\d+[a-z]?$/.test(w));
  const windows: string[] = [];
  if (normWords.length > 1) {
    for (let size = Math.min(normWords.length, 6); size >= 1; size--) {
      for (let start = 0; start + size <= normWords.length; start++) windows.push(normWords.slice(start, start + size).join(' '));
    }
  }
  return { codes, postcodes, name, windows: [...new Set(windows)] };
}
