/**
 * Item 1 of issue 11: text imported with a leading `=`, `+`, `-` or `@` must not reach a CSV
 * export as a formula. A few hostile MMG rows are imported into a private copy of the fixture
 * database; every public CSV export of their département is then read cell by cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../server/src/lib/csv';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';

const HEADER = 'nom;finess_et;commune_insee;adresse;longitude;latitude;horaires;horaires_semaine;horaires_samedi;horaires_dimanche_feries;adossee_urgences;finess_su_hote;accepte_snp;note;source;date_source';
const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)'];
const rows = HOSTILE.map((nom, i) => `"${nom.replace(/"/g, '""')}";;${['44109', '44184', '44047', '44035'][i]};;;;24/7;;;;non;;oui;${nom.replace(/"/g, '""').replace(/;/g, ',')};=source;2026-01`);

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
  const outcome = await f.run('mmg', new TextEncoder().encode(`${[HEADER, ...rows].join('\n')}\n`), { fileName: 'mmg-hostile.csv' });
  expect(outcome.status, outcome.message).toBe('appliqué');
});
afterAll(() => f.close());

/** Cells of a « ; » CSV with RFC 4180 quotes. */
function cells(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|;|\r\n)(?:"((?:[^"]|"")*)"|([^;\r\n]*))/g;
  for (const m of text.replace(/^\uFEFF/, '').matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
  return out;
}

const EXPORTS = [
  '/api/access/snp?territory=departement:44&format=csv',
  '/api/access/snp?territory=departement:44&format=csv&table=su-sans-mmg',
  '/api/access/2sfca?territory=departement:44&format=csv',
  '/api/coverage/cpts?territory=departement:44&format=csv',
  '/api/indicators?territory=departement:44&format=csv',
];

describe('CSV exports after importing formula-like text', () => {
  it('never start a text cell with a formula character, and keep numbers as numbers', async () => {
    let seenHostile = 0;
    for (const url of EXPORTS) {
      const res = await f.app.request(url);
      expect(res.status, url).toBe(200);
      for (const cell of cells(await res.text())) {
        if (/^-?\d+(,\d+)?$/.test(cell)) continue; // a number, negative ones included
        expect(cell, `${url} : « ${cell} »`).not.toMatch(/^[=+\-@\t\r]/);
        if (HOSTILE.some((h) => cell.includes(`'${h}`))) seenHostile++;
      }
    }
    expect(seenHostile, 'the hostile names appear, neutralised, in the exports').toBeGreaterThan(0);
  });

  it('prefixes an apostrophe to formula text only', () => {
    expect(HOSTILE.map(neutraliseFormula)).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(neutraliseFormula('Nantes')).toBe('Nantes');
    const text = toCsv([{ header: 'v', value: (r: number | string) => r }], [-1.5, '=1+1', 'a-b']);
    expect(text).toBe('\uFEFFv\r\n-1,5\r\n\'=1+1\r\na-b\r\n');
  });
});
