/**
 * « SAS » template → one sas row per département and its filières (replaced as a whole for each
 * département of the file). Départements absent from the file are left as they are.
 */
import { encodeRows, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { departementCodes } from '../db/import-queries';
import type { LineIssue } from '../ingest/line-issue';
import { readSasCsv } from '../ingest/read-sas-csv';
import { rejectedLines, type PrepareContext, type PreparedImport } from './prepared-import';

export async function prepareSas(db: Database, bytes: Uint8Array, ctx: PrepareContext): Promise<PreparedImport> {
  const reading = readSasCsv(bytes);
  const rejects: LineIssue[] = [...reading.rejects];
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
  rejects.sort((a, b) => a.line - b.line);
  return {
    rowsRead: reading.rowsRead,
    rowsAccepted: reading.rowsRead - rejectedLines(rejects),
    rejects,
    warnings: reading.warnings,
    encoding: reading.encoding,
    summary: { départements: sasRows.length, filières: filiereRows.length },
    write: { op: 'sas', departements: sasRows.map((r) => r.departement as string), sas: encodeRows('sas', sasRows), filieres: encodeRows('sas_filieres', filiereRows) },
  };
}
