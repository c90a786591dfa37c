/**
 * Validation of single values of the templates, each returning the normalised value or a French
 * reason: partial dates, integers written the French way, commune and FINESS codes, enumerations
 * matched without accents or case, coordinates.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim();

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** ISO date at the precision given: AAAA, AAAA-MM, AAAA-MM-JJ; also JJ/MM/AAAA and MM/AAAA. */
export function partialDate(raw: string): Parsed<string> {
  const v = raw.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  const fr = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(v);
  let parts: [string, string | undefined, string | undefined];
  if (iso) parts = [iso[1]!, iso[2], iso[3]];
  else if (fr) parts = [fr[3]!, fr[2]!.padStart(2, '0'), fr[1]?.padStart(2, '0')];
  else return fail(`date « ${v} » illisible (AAAA-MM-JJ, AAAA-MM, AAAA ou JJ/MM/AAAA attendu)`);
  const [y, mo, d] = [Number(parts[0]), Number(parts[1] ?? 1), Number(parts[2] ?? 1)];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || !validDate(y, mo, d)) return fail(`date « ${v} » impossible`);
  return ok(parts.filter(Boolean).join('-'));
}

/** Non-negative integer; spaces (also non-breaking) as thousands separators are accepted. */
export function nonNegativeInteger(raw: string): Parsed<number> {
  const v = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(v)) return fail(`nombre entier attendu (lu : « ${raw} »)`);
  const n = Number(v);
  return n <= 2_147_483_647 ? ok(n) : fail(`nombre trop grand : ${raw}`);
}

/** A decimal number with `.` or `,`. */
export function decimal(raw: string): Parsed<number> {
  const n = Number(raw.trim().replace(',', '.'));
  return raw.trim() !== '' && Number.isFinite(n) ? ok(n) : fail(`nombre attendu (lu : « ${raw} »)`);
}

/** INSEE commune code; a 4-digit code is a code whose leading 0 a spreadsheet removed. */
export function communeCodeSyntax(raw: string): Parsed<string> {
  const v = raw.trim().toUpperCase();
  if (/^\d{4}$/.test(v)) return ok(`0${v}`);
  return /^(\d{5}|2[AB]\d{3})$/.test(v) ? ok(v) : fail(`code commune INSEE « ${raw} » invalide (5 caractères, ex. 44109 ou 2A004)`);
}

export function finessSyntax(raw: string): Parsed<string> {
  const v = raw.trim().toUpperCase();
  if (/^\d{8}$/.test(v)) return ok(`0${v}`);
  return /^\d[\dAB]\d{7}$/.test(v) ? ok(v) : fail(`numéro FINESS « ${raw} » invalide (9 caractères)`);
}

/** One of `values`, compared without accents, case, hyphens; `synonyms` maps other wordings. */
export function oneOf<T extends string>(raw: string, values: readonly T[], what: string, synonyms: Record<string, T> = {}): Parsed<T> {
  const key = fold(raw);
  const found = values.find((v) => fold(v) === key) ?? synonyms[key];
  return found ? ok(found) : fail(`${what} « ${raw} » inconnu (valeurs : ${values.join(', ')})`);
}

/** Longitude and latitude, both or neither; inside France (métropole or DROM) checked later. */
export function lonLat(rawLon: string, rawLat: string): Parsed<[number, number] | null> {
  if (rawLon.trim() === '' && rawLat.trim() === '') return ok(null);
  const lon = decimal(rawLon);
  const lat = decimal(rawLat);
  if (!lon.ok || !lat.ok) return fail('longitude et latitude : deux nombres en degrés WGS84 attendus (ex. 1.4442 et 43.6045), ou aucun des deux');
  if (Math.abs(lon.value) > 180 || Math.abs(lat.value) > 90) {
    return fail(`coordonnées (${rawLon}, ${rawLat}) hors des degrés : des mètres (Lambert 93) ? Donnez longitude et latitude WGS84`);
  }
  return ok([lon.value, lat.value]);
}

export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;
