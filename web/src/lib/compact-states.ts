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

/** Per-commune states at positions of the tile set's commune index (server/src/lib/compact-states.ts, IndexedStates). */
export interface IndexedStates {
  valeurs: string[];
  index: string;
  debut: number;
  indices: string;
}

/** Calls `each(code, value)` for every commune of the territory (`-`: outside it), value null when it has none. */
export function forEachIndexedState(s: IndexedStates, codes: readonly string[], each: (code: string, value: string | null) => void): void {
  if (s.debut + s.indices.length > codes.length) throw new Error(`états par commune illisibles : ${s.debut + s.indices.length} positions pour un index de ${codes.length} communes`);
  for (let k = 0; k < s.indices.length; k++) {
    const ch = s.indices[k]!;
    if (ch !== '-') each(codes[s.debut + k]!, ch === '.' ? null : (s.valeurs[parseInt(ch, 36)] ?? null));
  }
}
