/**
 * What an import writes, as plain data (no function): the preparation computes it — on a worker
 * thread (prepare-off-thread.ts) — and the request thread applies it inside the import's
 * transaction. One variant per way of writing; `applyImportWrite` is the one place that knows them.
 */
import { deleteSasFilieres, replaceRows, upsertFinessStructures, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import type { LineIssue } from '../ingest/line-issue';
import { demoRemovalNotes } from './demo-removal-note';
import { writeCpts } from './write-cpts';

export type ImportWrite =
  /** FINESS structures: the columns FINESS owns are updated, the rest kept (upsertFinessStructures). */
  | { op: 'finess'; rows: Row[] }
  /** Rows replaced by primary key. */
  | { op: 'replace'; table: 'structures' | 'protocol_deployments'; rows: Row[] }
  /** CPTS with their communes; the demonstration CPTS of `departements` are removed. */
  | { op: 'cpts'; cpts: Row[]; communes: Row[]; departements: string[] }
  /** SAS of some départements, their filières replaced as a whole. */
  | { op: 'sas'; sas: Row[]; filieres: Row[] };

/** Writes the rows; returns notes on what it changed besides (demonstration rows removed…). */
export async function applyImportWrite(tx: Database, w: ImportWrite): Promise<LineIssue[] | void> {
  switch (w.op) {
    case 'finess': return upsertFinessStructures(tx, w.rows);
    case 'replace': return replaceRows(tx, w.table, w.rows);
    case 'cpts': return demoRemovalNotes(await writeCpts(tx, { cpts: w.cpts, communes: w.communes, departements: w.departements }), w.departements);
    case 'sas':
      await deleteSasFilieres(tx, w.sas.map((r) => r.departement as string));
      await replaceRows(tx, 'sas', w.sas);
      await replaceRows(tx, 'sas_filieres', w.filieres);
  }
}
