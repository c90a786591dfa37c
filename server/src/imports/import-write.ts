/**
 * What an import writes, as plain data (no function): the preparation computes it — on a worker
 * thread (prepare-off-thread.ts), rows already encoded as JSON text (encodeRows) — and the request
 * thread applies it inside the import's transaction. One variant per way of writing;
 * `applyImportWrite` is the one place that knows them.
 */
import { deleteSasFilieres, encodeRows, replaceEncoded, upsertFinessCpts, upsertFinessStructures, type EncodedRows, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import type { LineIssue } from '../ingest/line-issue';
import { demoRemovalNotes } from './demo-removal-note';
import { writeCpts, type CptsWrite } from './write-cpts';

export type ImportWrite =
  /**
   * FINESS structures: the columns FINESS owns are updated, the rest kept (upsertFinessStructures);
   * its CPTS (category 604) added where unknown (upsertFinessCpts).
   */
  | { op: 'finess'; structures: EncodedRows<'structures'>; cpts?: EncodedRows<'cpts'> }
  /** Rows replaced by primary key. */
  | { op: 'replace'; rows: EncodedRows<'structures' | 'protocol_deployments'> }
  /** CPTS with their communes; the demonstration CPTS of `departements` are removed. */
  | ({ op: 'cpts' } & CptsWrite)
  /** SAS of some départements, their filières replaced as a whole. */
  | { op: 'sas'; departements: string[]; sas: EncodedRows<'sas'>; filieres: EncodedRows<'sas_filieres'> };

/** The write of CPTS rows and their communes (CSV template and drawn perimeters). */
export function cptsWrite(cpts: Row[], communes: Row[], departements: string[]): ImportWrite {
  return { op: 'cpts', ids: cpts.map((c) => c.id as string), cpts: encodeRows('cpts', cpts), communes: encodeRows('cpts_communes', communes), departements };
}

/** Writes the rows; returns notes on what it changed besides (demonstration rows removed…). */
export async function applyImportWrite(tx: Database, w: ImportWrite): Promise<LineIssue[] | void> {
  switch (w.op) {
    case 'finess':
      await upsertFinessStructures(tx, w.structures);
      if (w.cpts) await upsertFinessCpts(tx, w.cpts);
      return;
    case 'replace': return replaceEncoded(tx, w.rows);
    case 'cpts': return demoRemovalNotes(await writeCpts(tx, w), w.departements);
    case 'sas':
      await deleteSasFilieres(tx, w.departements);
      await replaceEncoded(tx, w.sas);
      await replaceEncoded(tx, w.filieres);
  }
}
