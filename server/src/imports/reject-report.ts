/**
 * The full list of a file's problems as a CSV (`POST /api/imports/:kind?rapport=csv`): the file
 * is read and checked exactly as an import would, nothing is written. What an editor downloads
 * when the answer lists only the first problems of a large file.
 */
import type { Database } from '../db/connection';
import { cogMillesime } from '../db/import-queries';
import { FileFormatError, type LineIssue } from '../ingest/line-issue';
import { toCsv } from '../lib/csv';
import type { ImportKind } from './import-kinds';
import { prepareOffThread } from './prepare-off-thread';

type Row = LineIssue & { gravite: 'rejet' | 'avertissement' | 'fichier' };

export async function rejectReportCsv(db: Database, kind: ImportKind, bytes: Uint8Array, fileName: string): Promise<{ csv: string; problems: number }> {
  let rows: Row[];
  try {
    const prepared = await prepareOffThread(kind, db, bytes, { importId: 'rapport', fileName, millesime: await cogMillesime(db) });
    rows = [
      ...prepared.rejects.map((r) => ({ ...r, gravite: 'rejet' as const })),
      ...prepared.warnings.map((r) => ({ ...r, gravite: 'avertissement' as const })),
    ];
  } catch (err) {
    if (!(err instanceof FileFormatError)) throw err;
    rows = [{ line: 0, message: err.message, gravite: 'fichier' }];
  }
  const csv = toCsv<Row>([
    { header: 'ligne', value: (r) => (r.line > 0 ? r.line : null) },
    { header: 'gravite', value: (r) => r.gravite },
    { header: 'ref', value: (r) => r.ref },
    { header: 'message', value: (r) => r.message },
  ], rows);
  return { csv, problems: rows.length };
}
