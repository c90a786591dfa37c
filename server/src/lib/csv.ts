/**
 * CSV for French spreadsheets: UTF-8 with a byte-order mark (Excel then reads accents right),
 * « ; » as separator and a decimal comma (what Excel expects under a French locale, where the
 * comma is the decimal mark), CRLF line ends, RFC 4180 quoting. Booleans are « oui »/« non »,
 * missing values empty. Codes are written as they are: Excel shows « 01001 » as 1001 when it
 * opens the file directly (import it through Données › À partir d'un fichier texte/CSV and set
 * the code columns to Texte to keep the leading zero); LibreOffice and QGIS keep it.
 * Text that a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage
 * return: `=HYPERLINK(…)`, `+cmd|…`) is neutralised by a leading apostrophe, which Excel and
 * LibreOffice show as text; numbers are written as numbers (a negative number stays `-1,5`).
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvValue;
}

const BOM = '\uFEFF';

export function formatCsvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = Number.isInteger(n) ? String(n) : n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return text.replace('.', ',');
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would start a formula gets a leading apostrophe (OWASP « CSV injection »). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'number' ? formatCsvNumber(v) : typeof v === 'boolean' ? (v ? 'oui' : 'non') : neutraliseFormula(v);
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<R>(columns: CsvColumn<R>[], rows: Iterable<R>): string {
  const lines = [columns.map((c) => cell(c.header)).join(';')];
  for (const r of rows) lines.push(csvLine(columns, r));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** One row of `toCsv`, without its line end: for CSV written a row at a time (the BOM and header from `toCsv(columns, [])`). */
export function csvLine<R>(columns: CsvColumn<R>[], row: R): string {
  return columns.map((c) => cell(c.value(row))).join(';');
}
