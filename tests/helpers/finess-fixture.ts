/**
 * The FINESS fixture (`tests/fixtures/finess/`, exact Etalab layout, Windows-1252) and the bad
 * files derived from it: truncated, re-saved with commas, with an unknown commune, a duplicate,
 * coordinates at sea or in another département.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { REPO } from './paths';

export const FINESS_FIXTURE = join(REPO, 'tests/fixtures/finess/etalab-cs1100507-stock-extrait.csv');

export const finessBytes = (): Buffer => readFileSync(FINESS_FIXTURE);
export const finessText = (): string => iconv.decode(finessBytes(), 'windows-1252');
export const cp1252 = (text: string): Buffer => iconv.encode(text, 'windows-1252');

/** The fixture with one line replaced (1-based line number). */
export function withLine(line: number, replacement: string | ((l: string) => string)): Buffer {
  const lines = finessText().split('\n');
  lines[line - 1] = typeof replacement === 'string' ? replacement : replacement(lines[line - 1]!);
  return cp1252(lines.join('\n'));
}

/** The fixture with extra lines appended. */
export const withLines = (...extra: string[]): Buffer => cp1252(finessText() + extra.map((l) => `${l}\n`).join(''));

/** Bytes of an .xlsx workbook as a user would upload it (a ZIP container). */
export const XLSX_BYTES = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml xl/workbook.xml')]);

export const GEOJSON_BYTES = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id_cpts: 'X' }, geometry: null }] }));
