/**
 * Reads the compact per-commune values of the API (server/src/lib/compact-states.ts): distinct
 * values once, the codes comma-joined, one base-36 index per commune (`.` for none).
 */
export interface CompactStates {
  valeurs: string[];
  codes: string;
  indices: string;
}

/** Calls `each(code, value)` for every commune, value null when it has none. */
export function forEachState(s: CompactStates, each: (code: string, value: string | null) => void): void {
  const codes = s.codes === '' ? [] : s.codes.split(',');
  if (codes.length !== s.indices.length) throw new Error(`états par commune illisibles : ${codes.length} codes pour ${s.indices.length} valeurs`);
  codes.forEach((code, i) => each(code, s.indices[i] === '.' ? null : (s.valeurs[parseInt(s.indices[i]!, 36)] ?? null)));
}

/** Compact per-commune numbers (server/src/lib/compact-states.ts, CompactNumbers): `-` is « non renseigné ». */
export interface CompactNumbers {
  codes: string;
  valeurs: string;
}

/** Calls `each(code, value)` for every commune, value null when it is not known. */
export function forEachNumber(s: CompactNumbers, each: (code: string, value: number | null) => void): void {
  const codes = s.codes === '' ? [] : s.codes.split(',');
  const values = s.valeurs === '' ? [] : s.valeurs.split(',');
  if (codes.length !== values.length) throw new Error(`valeurs par commune illisibles : ${codes.length} codes pour ${values.length} valeurs`);
  codes.forEach((code, i) => each(code, values[i] === '-' ? null : Number(values[i])));
}
