/**
 * Importing the national FINESS extraction into the fixture database: structures placed at their
 * FINESS positions, old codes translated, the journal and data_version written in the same
 * transaction, the file archived; the same file twice changes nothing; a bad file changes nothing
 * at all (every table's checksum compared) and says why at the line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../server/src/imports/import-archive';
import { cp1252, finessBytes, finessText, GEOJSON_BYTES, withLine, withLines, XLSX_BYTES } from '../helpers/finess-fixture';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const structure = (id: string) => f.one<Record<string, any>>(`SELECT * FROM structures WHERE id = '${id}'`);

describe('a FINESS extraction imported end to end', () => {
  let first: Awaited<ReturnType<ImportFixture['run']>>;
  beforeAll(async () => {
    first = await f.run('finess', finessBytes(), { fileName: 'etalab-cs1100507-stock-20260512-0339.csv' });
  });

  it('applies the 6 establishments kept and records the import', async () => {
    expect(first.status).toBe('appliqué');
    expect(first.message).toBe('Import appliqué : 6 ligne(s) sur 8.');
    expect(first.dataVersion).toBe('2');
    expect(await f.dataVersion()).toBe('2');
    const journal = await f.one<Record<string, any>>(`SELECT * FROM imports WHERE id = '${first.import!.id}'`);
    expect(journal).toMatchObject({
      kind: 'finess', file_name: 'etalab-cs1100507-stock-20260512-0339.csv', rows_read: 8, rows_accepted: 6, rows_rejected: 0,
      status: 'appliqué', imported_by: 'test', millesime: 2026,
    });
    expect(JSON.parse(journal.report).summary).toMatchObject({ MSP: 3, 'centres de santé': 1, MMG: 1, 'établissements hospitaliers': 1, 'ignorés (autres catégories)': 1 });
  });

  it('updates MMG COLOMIERS of the default at its FINESS position, with the extraction as source', async () => {
    const mmg = await structure('finess:310036256');
    expect(mmg).toMatchObject({ kind: 'MMG', name: 'MMG COLOMIERS', commune: '31149', location_precision: 'adresse', accepts_snp: 'oui', import_id: first.import!.id });
    expect(mmg.lon).toBeCloseTo(1.339267, 5);
    expect(mmg.lat).toBeCloseTo(43.598769, 5);
    expect(mmg.source).toBe('FINESS, extraction Etalab du 2026-05-12 (etalab-cs1100507-stock-20260512-0339.csv)');
    expect(mmg.source_date).toBe('2026-05-12');
  });

  it('places the Réunion CHU from UTM 40 S and the MSP without geolocation at its commune point', async () => {
    expect(await structure('finess:970400024')).toMatchObject({ kind: 'AUTRE', finess_category: '101', commune: '97411', location_precision: 'adresse' });
    const brasPanon = await structure('finess:970499901');
    const commune = await f.one<{ label_lon: number; label_lat: number }>("SELECT label_lon, label_lat FROM communes WHERE code = '97402'");
    expect(brasPanon).toMatchObject({ commune: '97402', location_precision: 'commune', lon: commune.label_lon, lat: commune.label_lat });
  });

  it('translates the old code 44004 (Anetz) to Vair-sur-Loire and says so', async () => {
    expect((await structure('finess:440099901')).commune).toBe('44163');
    expect(first.warnings).toContainEqual({ line: 7, ref: '440099901', message: 'ancien code commune 44004 (Anetz) traduit en 44163 (Vair-sur-Loire) : commune-deleguee' });
  });

  it('archives the raw file under its sha256 and journals it for the next build', () => {
    const journal = readJournal(f.archiveDir);
    expect(journal).toEqual([expect.objectContaining({ id: first.import!.id, kind: 'finess', sha256: first.sha256, rowsAccepted: 6, keepValid: false })]);
    expect(readFileSync(join(f.archiveDir, `${first.sha256}.finess.csv`))).toEqual(finessBytes());
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await f.checksums();
    const again = await f.run('finess', finessBytes(), { fileName: 'copie.csv' });
    expect(again.status).toBe('déjà importé');
    expect(again.message).toBe(`Fichier déjà importé le ${first.import!.importedAt} (import ${first.import!.id}) : aucun changement.`);
    expect(await f.checksums()).toEqual(before);
    expect(readJournal(f.archiveDir)).toHaveLength(1);
  });
});

describe('bad FINESS files change nothing and say why', () => {
  const refused = async (bytes: Uint8Array) => {
    const before = await f.checksums();
    const journal = readJournal(f.archiveDir).length;
    const outcome = await f.run('finess', bytes);
    expect(outcome.status).toBe('rejeté');
    expect(await f.checksums()).toEqual(before);
    expect(readJournal(f.archiveDir)).toHaveLength(journal);
    expect(existsSync(join(f.archiveDir, `${outcome.sha256}.finess.csv`))).toBe(false);
    return outcome;
  };

  it('a truncated file', async () => {
    const text = finessText();
    const o = await refused(cp1252(text.slice(0, text.indexOf('geolocalisation;440099901') + 30)));
    expect(o.rejects).toEqual([{ line: 14, ref: '440099901', message: 'enregistrement geolocalisation incomplet (3 champs au lieu de 6) : fichier tronqué ?' }]);
    expect(o.message).toMatch(/^1 ligne\(s\) rejetée\(s\) sur 8 : rien n'a été importé \(tout ou rien\)/);
  });

  it('the extraction re-saved with another separator, an .xlsx workbook, a GeoJSON file, an empty file', async () => {
    expect((await refused(cp1252(finessText().replaceAll(';', ',')))).fileError).toMatch(/^Séparateur « , »/);
    expect((await refused(XLSX_BYTES)).fileError).toMatch(/classeur Excel/);
    expect((await refused(GEOJSON_BYTES)).fileError).toMatch(/GeoJSON alors que cet import attend l'extraction FINESS Etalab/);
    const empty = await refused(new Uint8Array(0));
    expect(empty.message).toBe('Fichier refusé : Le fichier est vide. Rien n\'a été importé.');
  });

  it('an unknown commune code', async () => {
    const o = await refused(withLine(3, (l) => l.replace(';555;31;', ';999;31;')));
    expect(o.rejects).toEqual([{ line: 3, ref: '310025945', message: 'commune 31999 inconnue du Code officiel géographique 2026 (ni code actuel, ni ancien code)' }]);
  });

  it('a duplicate FINESS number', async () => {
    const o = await refused(withLines(finessText().split('\n')[3]!));
    expect(o.rejects).toEqual([{ line: 16, ref: '310786579', message: 'numéro FINESS 310786579 en double (déjà ligne 4)' }]);
  });

  it('coordinates at sea', async () => {
    const o = await refused(withLine(11, 'geolocalisation;310025945;309780.2;6501307.0;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2026-05-04'));
    expect(o.rejects).toEqual([{
      line: 11, ref: '310025945',
      message: '310025945 : coordonnées (-2.00000, 45.50000) hors du département 31 de la commune 31555 (Toulouse) : en mer ou hors du territoire',
    }]);
  });

  it('coordinates in another département (Albi, Tarn)', async () => {
    const o = await refused(withLine(11, 'geolocalisation;310025945;631652.4;6314952.5;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2026-05-04'));
    expect(o.rejects[0]!.message).toBe('310025945 : coordonnées (2.14888, 43.93026) hors du département 31 de la commune 31555 (Toulouse) : elles tombent à Albi (81)');
  });

  it('a Réunion row written in Lambert 93 instead of its UTM zone', async () => {
    const o = await refused(withLine(13, (l) => l.replace('UTM_S40', 'LAMBERT_93')));
    expect(o.rejects[0]!.message).toMatch(/^970400024 : coordonnées \(.*\) hors du département 974 de la commune 97411 \(Saint-Denis\)/);
  });
});

describe('keeping the valid rows', () => {
  it('imports the valid establishments of a file with an unknown commune, and journals it as partial', async () => {
    const g = await importFixture();
    try {
      const bytes = withLine(3, (l) => l.replace(';555;31;', ';999;31;'));
      const o = await g.run('finess', bytes, { keepValid: true });
      expect(o.status).toBe('partiel');
      expect(o.message).toBe('Import partiel (lignes valides gardées) : 5 ligne(s) importée(s), 1 rejetée(s).');
      expect(await g.one("SELECT count(*)::INTEGER AS n FROM structures WHERE import_id IS NOT NULL")).toEqual({ n: 5 });
      expect(readJournal(g.archiveDir)[0]).toMatchObject({ keepValid: true, rowsAccepted: 5, rowsRejected: 1 });
    } finally {
      g.close();
    }
  });
});
