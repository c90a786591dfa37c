/** Per-commune values of the access analyses, as feature states of the commune tiles. */
import { NOT_KNOWN_STATE } from '../../lib/not-known';
import { classBreaks, classOf, type ClassMethod } from '../../lib/class-breaks';
import { forEachIndexedState, forEachNumber, type CompactNumbers, type IndexedStates } from '../../lib/compact-states';

export interface BandRow {
  code: string;
  bande: string;
}

/** `bande`: index of the commune's band in `bands`, -1 for « aucune offre », NOT_KNOWN_STATE for « non renseigné ». */
export function bandStates(rows: readonly BandRow[], bands: readonly string[]): Map<string, { bande: number }> {
  const index = new Map(bands.filter((b) => b !== 'aucune offre' && b !== 'non renseigné').map((b, i) => [b, i]));
  return new Map(rows.map((r) => [r.code, { bande: r.bande === 'non renseigné' ? NOT_KNOWN_STATE : index.get(r.bande) ?? -1 }]));
}

/** The same from the compact form of /api/access/snp/etats: positions in the tile set's commune index (`codes`). */
export function compactBandStates(states: IndexedStates, bands: readonly string[], codes: readonly string[]): Map<string, { bande: number }> {
  const index = new Map(bands.map((b, i) => [b, i]));
  const out = new Map<string, { bande: number }>();
  forEachIndexedState(states, codes, (code, value) => out.set(code, { bande: value === null ? -1 : (index.get(value) ?? -1) }));
  return out;
}

export interface IndexRow {
  code: string;
  indice: number;
  /** « non renseigné »: a zero index where the SNP offer list is not complete. */
  etat?: string;
}

/** Breaks over the positive indices (a zero index — no offer within reach — is a class of its own). */
export function indexClasses(rows: readonly IndexRow[], method: ClassMethod, classes = 5) {
  const breaks = classBreaks(rows.filter((r) => r.indice > 0).map((r) => r.indice), method, { classes });
  const states = new Map(rows.map((r) => [r.code, { classe2sfca: r.indice > 0 ? classOf(r.indice, breaks) : r.etat === 'non_renseigne' ? NOT_KNOWN_STATE : -1 }]));
  return { breaks, states };
}

/** The rows of indexClasses from the compact form of /api/access/2sfca/etats (a value not known is « non renseigné », index 0). */
export function compactIndexRows(s: CompactNumbers): IndexRow[] {
  const rows: IndexRow[] = [];
  forEachNumber(s, (code, value) => rows.push(value === null ? { code, indice: 0, etat: 'non_renseigne' } : { code, indice: value }));
  return rows;
}
