/**
 * The full list of a file's problems, written to a CSV file as they are found (on the thread that
 * checks the file) instead of held in memory: `POST /api/imports/:kind?rapport=csv` then sends
 * that file as a stream. Columns: ligne, gravite (rejet | avertissement | fichier), ref, message.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { LineIssue } from '../ingest/line-issue';
import { csvLine, toCsv, type CsvColumn } from '../lib/csv';

export type Gravity = 'rejet' | 'avertissement' | 'fichier';
type ReportRow = LineIssue & { gravite: Gravity };

export const REPORT_COLUMNS: CsvColumn<ReportRow>[] = [
  { header: 'ligne', value: (r) => (r.line > 0 ? r.line : null) },
  { header: 'gravite', value: (r) => r.gravite },
  { header: 'ref', value: (r) => r.ref },
  { header: 'message', value: (r) => r.message },
];

const FLUSH_AT = 2000;

export interface ReportWriter {
  write(issue: LineIssue, gravite: Gravity): void;
  close(): void;
}

/** Creates (or empties) the report at `path`, header first; rows are buffered, 2 000 a write. */
export function reportWriter(path: string): ReportWriter {
  const fd = openSync(path, 'w');
  writeSync(fd, toCsv(REPORT_COLUMNS, []));
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length > 0) writeSync(fd, `${buffer.join('\r\n')}\r\n`);
    buffer = [];
  };
  return {
    write(issue, gravite) {
      buffer.push(csvLine(REPORT_COLUMNS, { ...issue, gravite }));
      if (buffer.length >= FLUSH_AT) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
