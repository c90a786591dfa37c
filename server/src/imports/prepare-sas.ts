/**
 * « SAS » template → one sas row per département and its filières (replaced as a whole for each
 * département of the file). Départements absent from the file are left as they are.
 */
import { encodeRows, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { departementCodes } from '../db/import-queries';
import { summariseIssues, type FileIssues } from '../ingest/issue-list';
import { readSasCsv } from '../ingest/read-sas-csv';
import { type PrepareContext, type PreparedImport } from './prepared-import';

export async function prepareSas(db: Database, bytes: Uint8Array, ctx: PrepareContext, issues: FileIssues): Promise<PreparedImport> {
  const reading = readSasCsv(bytes);
  const { rejects, warnings } = issues;
  rejects.pushAll(reading.rejects);
  warnings.pushAll(reading.warnings);
  const known = await departementCodes(db);
  const sasRows: Row[] = [];
  const filiereRows: Row[] = [];
  for (const s of reading.sas) {
    if (!known.has(s.departement)) {
      rejects.push({ line: s.line, ref: s.departement, message: `département ${s.departement} absent de la base (COG ${ctx.millesime}, périmètre construit)` });
      continue;
    }
    sasRows.push({
      departement: s.departement, status: s.status, start_date: s.startDate, start_date_note: s.startDateNote, telephone: s.telephone,
      note: s.note, source: s.source, demo: false, import_id: ctx.importId,
    });
    for (const f of s.filieres) {
      filiereRows.push({ departement: s.departement, filiere: f.filiere, since: f.since, source: s.source, demo: false, import_id: ctx.importId });
    }
  }
  return {
    rowsRead: reading.rowsRead,
    rowsAccepted: reading.rowsRead - rejects.lines,
    ...summariseIssues(issues),
    encoding: reading.encoding,
    summary: { départements: sasRows.length, filières: filiereRows.length },
    write: { op: 'sas', departements: sasRows.map((r) => r.departement as string), sas: encodeRows('sas', sasRows), filieres: encodeRows('sas_filieres', filiereRows) },
  };
}
