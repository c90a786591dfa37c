/**
 * Writes imported CPTS (from the CSV template or from drawn perimeters): each CPTS row replaced,
 * its communes replaced by the file's, and the demonstration CPTS of the départements it covers
 * removed — real data takes their place, the two are never shown mixed.
 */
import { deleteCptsCommunes, removeDemoCpts, replaceRows, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';

export interface CptsWrite {
  cpts: Row[];
  communes: Row[];
  /** Départements of the communes written (demo CPTS there are removed). */
  departements: string[];
}

export async function writeCpts(db: Database, w: CptsWrite): Promise<string[]> {
  await deleteCptsCommunes(db, w.cpts.map((c) => c.id as string));
  await replaceRows(db, 'cpts', w.cpts);
  await replaceRows(db, 'cpts_communes', w.communes);
  return removeDemoCpts(db, w.departements);
}
