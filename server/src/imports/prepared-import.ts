/**
 * What every kind of import produces before anything is written: the rows it would write, every
 * rejected line with its French reason, warnings, and the counts recorded in the journal.
 * `write` is what to write, as plain data: it crosses from the worker thread that prepares it to
 * the thread that writes it inside the import's transaction (import-write.ts).
 */
import type { LineIssue } from '../ingest/line-issue';
import type { TextEncoding } from '../ingest/decode-text';
import type { ImportWrite } from './import-write';

export interface PrepareContext {
  importId: string;
  fileName: string;
  millesime: number;
}

export interface PreparedImport {
  /** Data rows (lines or entities) read from the file. */
  rowsRead: number;
  /** Rows that would be written (in the file's unit: establishments, lines, départements…). */
  rowsAccepted: number;
  /** The first rejects (by line) and warnings (as found), and the counts of all: IssueSummary. */
  rejects: LineIssue[];
  warnings: LineIssue[];
  rejectCount: number;
  /** Distinct lines rejected. */
  rejectedLines: number;
  warningCount: number;
  /** Counts to show the user, French labels (« structures », « ignorées (autres catégories) »…). */
  summary: Record<string, number>;
  encoding?: TextEncoding;
  /** The rows to write, as data (applied by applyImportWrite inside the import's transaction). */
  write: ImportWrite;
}

/** Lower-case ASCII words joined by hyphens, for identifiers built from names. */
export const slug = (s: string) =>
  s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

/** The most frequent non-empty value (ties: the smallest), or null. */
export function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

