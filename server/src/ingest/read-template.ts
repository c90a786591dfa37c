/**
 * Reader shared by the CSV templates (CPTS, MMG, emergency sites, protocol deployments, SAS):
 * UTF-8 or Windows-1252, separator `;`, `,` or tab taken from the header line, column names
 * matched without accents, case or spacing (« Date statut » = `date_statut`). A header that is
 * not the template's, a missing required column or a row of the wrong width is said in French.
 */
import { decodeText, type TextEncoding } from './decode-text';
import { detectSeparator, SEPARATOR_NAMES, splitRecords, type Separator } from './delimited-text';
import { FileFormatError, type LineIssue } from './line-issue';
import { sniffWrongFile } from './sniff-file';

export interface TemplateColumn {
  name: string;
  required?: boolean;
  /** Other accepted spellings (normalised like the header). */
  aliases?: string[];
}

export interface TemplateSpec {
  /** « le modèle CPTS » — used in messages. */
  label: string;
  columns: TemplateColumn[];
}

export interface TemplateRow {
  line: number;
  /** Trimmed values by canonical column name ('' when empty or absent). */
  values: Record<string, string>;
}

export interface TemplateReading {
  rows: TemplateRow[];
  encoding: TextEncoding;
  separator: Separator;
  rejects: LineIssue[];
  warnings: LineIssue[];
}

export const normalizeHeader = (s: string) =>
  s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

export function readTemplate(bytes: Uint8Array, spec: TemplateSpec): TemplateReading {
  const wrong = sniffWrongFile(bytes, 'csv', `un fichier CSV (${spec.label})`);
  if (wrong) throw new FileFormatError(wrong);
  const { text, encoding } = decodeText(bytes);
  const headerLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).replace(/\r$/, '');
  const expected = spec.columns.map((c) => c.name).join(';');
  const separator = detectSeparator(headerLine);
  if (separator === null) {
    throw new FileFormatError(
      `Séparateur non reconnu : ${spec.label} attend des colonnes séparées par « ; » ou « , » (ou tabulation). ` +
        `En-tête lu : « ${headerLine.slice(0, 80)} » ; en-tête attendu : « ${expected} ».`,
    );
  }
  const { records, unclosedQuoteLine } = splitRecords(text, separator);
  if (records.length === 0) {
    throw new FileFormatError(`En-tête illisible : un guillemet y est ouvert et jamais refermé (ligne ${unclosedQuoteLine ?? 1}). En-tête attendu : « ${expected} ».`);
  }
  const header = records[0]!.fields.map(normalizeHeader);
  const indexOf = new Map<string, number>();
  for (const col of spec.columns) {
    const names = [col.name, ...(col.aliases ?? [])].map(normalizeHeader);
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) indexOf.set(col.name, i);
  }
  if (indexOf.size === 0) {
    throw new FileFormatError(
      `Ce fichier n'est pas ${spec.label} : aucune colonne attendue dans l'en-tête (séparateur ${SEPARATOR_NAMES[separator]}). ` +
        `En-tête attendu : « ${expected} ».`,
    );
  }
  const missing = spec.columns.filter((c) => c.required && !indexOf.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new FileFormatError(`Colonne(s) obligatoire(s) absente(s) de l'en-tête : ${missing.join(', ')} (séparateur lu : ${SEPARATOR_NAMES[separator]}). En-tête attendu : « ${expected} ».`);
  }
  const warnings: LineIssue[] = [];
  const known = new Set(indexOf.values());
  const extra = records[0]!.fields.filter((_, i) => !known.has(i) && header[i] !== '');
  if (extra.length > 0) warnings.push({ line: 1, message: `colonne(s) ignorée(s) : ${extra.join(', ')}` });

  const rejects: LineIssue[] = [];
  const rows: TemplateRow[] = [];
  const width = records[0]!.fields.length;
  for (const record of records.slice(1)) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    if (record.fields.length !== width) {
      rejects.push({
        line: record.line,
        message: `${record.fields.length} colonne(s) au lieu de ${width} : valeur contenant le séparateur sans guillemets, ou ligne tronquée ?`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    for (const col of spec.columns) {
      const i = indexOf.get(col.name);
      values[col.name] = i === undefined ? '' : record.fields[i]!.trim();
    }
    rows.push({ line: record.line, values });
  }
  if (unclosedQuoteLine !== null) rejects.push({ line: unclosedQuoteLine, message: 'guillemet ouvert jamais refermé jusqu\'à la fin du fichier : fichier tronqué ?' });
  if (rows.length === 0 && rejects.length === 0) throw new FileFormatError(`Aucune ligne de données après l'en-tête (${spec.label}).`);
  return { rows, encoding, separator, rejects, warnings };
}
