/**
 * Per-commune values for a map, compactly: the distinct values once (`valeurs`), the communes'
 * codes joined by commas in one string, and for each commune, at the same position, the index of
 * its value as one base-36 character (`.` for no value). 35 000 communes take ~35 kB of indices
 * (a few kB compressed) instead of one JSON object each. Any value can be carried — a band, a
 * class, a coverage state, « non renseigné » — up to 36 distinct values.
 */
export interface CompactStates {
  valeurs: string[];
  /** Commune codes, comma-separated, in the order of `indices`. */
  codes: string;
  /** One character per commune: the base-36 index of its value in `valeurs`, or `.` when it has none. */
  indices: string;
}

export const MAX_VALUES = 36;

export function compactStates(rows: readonly { code: string; value: string | null }[], order: readonly string[] = []): CompactStates {
  const valeurs = [...order];
  const index = new Map(valeurs.map((v, i) => [v, i]));
  let indices = '';
  for (const r of rows) {
    if (r.value === null) {
      indices += '.';
      continue;
    }
    let i = index.get(r.value);
    if (i === undefined) {
      i = valeurs.push(r.value) - 1;
      index.set(r.value, i);
      if (i >= MAX_VALUES) throw new RangeError(`plus de ${MAX_VALUES} valeurs distinctes : format compact impossible`);
    }
    indices += i.toString(36);
  }
  return { valeurs, codes: rows.map((r) => r.code).join(','), indices };
}

/** The inverse, for readers and tests: code → value (null for none). */
export function expandStates(s: CompactStates): Map<string, string | null> {
  const codes = s.codes === '' ? [] : s.codes.split(',');
  if (codes.length !== s.indices.length) throw new RangeError(`${codes.length} codes pour ${s.indices.length} valeurs`);
  return new Map(codes.map((code, i) => [code, s.indices[i] === '.' ? null : s.valeurs[parseInt(s.indices[i]!, 36)]!]));
}

/**
 * Per-commune numbers for a map (an index whose classes the reader chooses): the codes as in
 * CompactStates, the values comma-joined at the same positions, `-` for « non renseigné » (not
 * known, which a zero would misstate).
 */
export interface CompactNumbers {
  codes: string;
  valeurs: string;
}

export function compactNumbers(rows: readonly { code: string; value: number | null }[]): CompactNumbers {
  return { codes: rows.map((r) => r.code).join(','), valeurs: rows.map((r) => (r.value === null ? '-' : String(r.value))).join(',') };
}

/**
 * Per-commune values in the order of the tile set's commune index (GET /api/tiles/communes,
 * analysis/commune-index.ts), so no commune code is sent again with each answer: the answer
 * covers the positions `debut` … `debut + indices.length - 1` of the index (the territory's first
 * and last communes), one character each — the base-36 index of its value in `valeurs`, `.` for a
 * commune of the territory without value, `-` for a commune of the index outside the territory.
 * `index` is the tile set's version the positions refer to.
 */
export interface IndexedStates {
  valeurs: string[];
  index: string;
  debut: number;
  indices: string;
}

const positions = new WeakMap<readonly string[], Map<string, number>>();

function positionsOf(index: readonly string[]): Map<string, number> {
  let p = positions.get(index);
  if (!p) positions.set(index, (p = new Map(index.map((code, i) => [code, i]))));
  return p;
}

export function indexedStates(index: readonly string[], indexVersion: string, rows: readonly { code: string; value: string | null }[], order: readonly string[] = []): IndexedStates {
  const at = positionsOf(index);
  const { valeurs, indices: chars } = compactStates(rows, order);
  const placed = rows.map((r) => {
    const i = at.get(r.code);
    if (i === undefined) throw new RangeError(`commune ${r.code} absente de l'index des communes des tuiles`);
    return i;
  });
  if (placed.length === 0) return { valeurs, index: indexVersion, debut: 0, indices: '' };
  const debut = Math.min(...placed);
  const out = new Array<string>(Math.max(...placed) - debut + 1).fill('-');
  placed.forEach((i, k) => (out[i - debut] = chars[k]!));
  return { valeurs, index: indexVersion, debut, indices: out.join('') };
}

/** The inverse, for readers and tests: code → value (null for none), the communes of the territory only. */
export function expandIndexedStates(s: IndexedStates, index: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (let k = 0; k < s.indices.length; k++) {
    const ch = s.indices[k]!;
    if (ch === '-') continue;
    const code = index[s.debut + k];
    if (code === undefined) throw new RangeError(`position ${s.debut + k} hors de l'index des communes`);
    out.set(code, ch === '.' ? null : s.valeurs[parseInt(ch, 36)]!);
  }
  return out;
}
