/**
 * Writes imported CPTS (from the CSV template or from drawn perimeters): each CPTS row replaced,
 * its communes replaced by the file's, and the demonstration CPTS of the départements it covers
 * removed — real data takes their place, the two are never shown mixed.
 */
import { deleteCptsCommunes, removeDemoCpts, replaceEncoded, type EncodedRows } from '../db/care-write-queries';
import type { Database } from '../db/connection';

export interface CptsWrite {
  /** Identifiers of the CPTS written (their communes are replaced as a whole). */
  ids: string[];
  cpts: EncodedRows<'cpts'>;
  communes: EncodedRows<'cpts_communes'>;
  /** Départements of the communes written (demo CPTS there are removed). */
  departements: string[];
}

export async function writeCpts(db: Database, w: CptsWrite): Promise<string[]> {
  await deleteCptsCommunes(db, w.ids);
  await replaceEncoded(db, w.cpts);
  await replaceEncoded(db, w.communes);
  return removeDemoCpts(db, w.departements);
}
