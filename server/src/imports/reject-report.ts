/**
 * The full list of a file's problems as a CSV (`POST /api/imports/:kind?rapport=csv`): the file
 * is read and checked exactly as an import would, nothing is written. What an editor downloads
 * when the answer lists only the first problems of a large file. Every problem is written to a
 * temporary file as it is found (report-file.ts), none is kept in memory, and the route sends the
 * file as a stream: a file of 3 million bad lines costs disk, not gigabytes of memory. Problems
 * are listed in the order the checks find them (reading the file first, then its communes…).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/connection';
import { cogMillesime } from '../db/import-queries';
import { FileFormatError } from '../ingest/line-issue';
import { toCsv } from '../lib/csv';
import type { ImportKind } from './import-kinds';
import { prepareOffThread } from './prepare-off-thread';
import { REPORT_COLUMNS } from './report-file';

export interface RejectReport {
  /** The CSV file (BOM, header `ligne;gravite;ref;message`, CRLF). */
  path: string;
  /** Removes the file (once sent). */
  dispose(): void;
}

export async function rejectReport(db: Database, kind: ImportKind, bytes: Uint8Array, fileName: string): Promise<RejectReport> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-rapport-'));
  const report = { path: join(dir, 'rapport.csv'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
  try {
    await prepareOffThread(kind, db, bytes, { importId: 'rapport', fileName, millesime: await cogMillesime(db) }, { keep: 0, reportPath: report.path });
  } catch (err) {
    if (!(err instanceof FileFormatError)) {
      report.dispose();
      throw err;
    }
    writeFileSync(report.path, toCsv(REPORT_COLUMNS, [{ line: 0, message: err.message, gravite: 'fichier' }]));
  }
  return report;
}
