/**
 * The reader of the national FINESS extraction on a fixture in the exact Etalab layout (banner,
 * structureet then geolocalisation records, Windows-1252): what it keeps, where it places it, and
 * how it refuses wrong, truncated or damaged files — in French, at the line.
 */
import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../server/src/ingest/line-issue';
import { readFiness } from '../../server/src/ingest/read-finess';
import { cp1252, finessBytes, finessText, GEOJSON_BYTES, withLine, withLines, XLSX_BYTES } from '../helpers/finess-fixture';

const byEt = (r: ReturnType<typeof readFiness>, et: string) => r.establishments.find((e) => e.finessEt === et)!;
const fileError = (bytes: Uint8Array) => {
  try {
    readFiness(bytes);
  } catch (err) {
    if (err instanceof FileFormatError) return err.message;
    throw err;
  }
  return null;
};

describe('reading the FINESS fixture', () => {
  const reading = readFiness(finessBytes());

  it('keeps MSP, centres de santé, MMG and hospitals, ignores a pharmacy and Wallis-et-Futuna', () => {
    expect(reading.extractionDate).toBe('2026-05-12');
    expect(reading.encoding).toBe('windows-1252');
    expect(reading.counts).toEqual({ structureet: 8, geolocalisation: 6, kept: 6, otherCategories: 1, outOfScope: 1, withoutPosition: 1 });
    expect(reading.rejects.items).toEqual([]);
    expect(reading.establishments.map((e) => [e.finessEt, e.kind])).toEqual([
      ['310036256', 'MMG'], ['310025945', 'MSP'], ['310786579', 'CDS'], ['970400024', 'AUTRE'], ['970499901', 'MSP'], ['440099901', 'MSP'],
    ]);
  });

  it('reprojects a Lambert 93 row: MMG COLOMIERS at its FINESS position', () => {
    const mmg = byEt(reading, '310036256');
    expect(mmg).toMatchObject({ name: 'MMG COLOMIERS', commune: '31149', departement: '31', address: '10 CHE DE COURNAUDIS, 31770 COLOMIERS' });
    expect(mmg.position).toMatchObject({ projection: 'LAMBERT_93', line: 10 });
    expect(mmg.position!.lon).toBeCloseTo(1.339267, 5);
    expect(mmg.position!.lat).toBeCloseTo(43.598769, 5);
  });

  it('reprojects a Réunion row from UTM 40 S and turns département 9D into 974', () => {
    const chu = byEt(reading, '970400024');
    expect(chu).toMatchObject({ commune: '97411', departement: '974', category: '101', categoryLabel: 'Centre Hospitalier Régional (C.H.R.)', finessEj: '970408589' });
    expect(chu.position!.projection).toBe('UTM_S40');
    expect(chu.position!.lon).toBeCloseTo(55.449295, 5);
    expect(chu.position!.lat).toBeCloseTo(-20.928467, 5);
  });

  it('decodes Windows-1252 accents, and reads the same file saved as UTF-8 identically', () => {
    expect(byEt(reading, '310786579').categoryLabel).toBe('Centre de Santé');
    expect(byEt(reading, '440099901').name).toBe("MAISON DE SANTÉ PLURIPROFESSIONNELLE D'ANETZ");
    const utf8 = readFiness(Buffer.from(finessText(), 'utf8'));
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.establishments).toEqual(reading.establishments);
    const crlf = readFiness(cp1252(finessText().replaceAll('\n', '\r\n')));
    expect(crlf.establishments).toEqual(reading.establishments);
  });

  it('keeps a structure without geolocation, without position, and says so', () => {
    expect(byEt(reading, '970499901')).toMatchObject({ name: 'MAISON DE SANTE DE BRAS PANON', commune: '97402', position: null });
    expect(reading.warnings.items).toContainEqual({ line: 6, ref: '970499901', message: '970499901 sans géolocalisation : placé au point de sa commune' });
  });

  it('returns an old commune code as written (the import translates it)', () => {
    expect(byEt(reading, '440099901').commune).toBe('44004');
  });

  it('infers the subtype of a centre de santé from its name', () => {
    expect(byEt(reading, '310786579').cdsSubtype).toBe('dentaire');
  });
});

describe('refusing damaged or wrong files', () => {
  it('reports a file truncated in the middle of a geolocalisation record at its line', () => {
    const text = finessText();
    const truncated = text.slice(0, text.indexOf('geolocalisation;970400024') + 'geolocalisation;970400024;33874'.length);
    const r = readFiness(cp1252(truncated));
    expect(r.rejects.items).toEqual([{ line: 13, ref: '970400024', message: 'enregistrement geolocalisation incomplet (3 champs au lieu de 6) : fichier tronqué ?' }]);
    expect(r.warnings.items.map((w) => w.message)).toContain('le fichier ne se termine pas par un saut de ligne : vérifiez qu\'il est complet');
  });

  it('refuses a file cut before its geolocalisation records', () => {
    const text = finessText();
    expect(fileError(cp1252(text.slice(0, text.indexOf('geolocalisation;'))))).toMatch(/Aucun enregistrement « geolocalisation » : c'est sans doute l'extraction non géolocalisée \(etalab-cs1100502\) ou un fichier tronqué/);
  });

  it('refuses the extraction re-saved with commas by a spreadsheet', () => {
    expect(fileError(cp1252(finessText().replaceAll(';', ',')))).toMatch(/^Séparateur « , » : l'extraction FINESS Etalab utilise « ; »/);
  });

  it('refuses an .xlsx workbook, a GeoJSON file, an empty file and a CSV of another kind', () => {
    expect(fileError(XLSX_BYTES)).toMatch(/classeur Excel \(\.xlsx\)/);
    expect(fileError(GEOJSON_BYTES)).toMatch(/^Ce fichier est du GeoJSON alors que cet import attend l'extraction FINESS Etalab/);
    expect(fileError(new Uint8Array(0))).toBe('Le fichier est vide.');
    expect(fileError(Buffer.from('id_cpts;nom;statut\nX;CPTS X;ACI signé\n'))).toMatch(/^Ce n'est pas une extraction FINESS Etalab : la première ligne devrait commencer par « finess;etalab; »/);
  });

  it('refuses the new JSON flow and the historical XML extraction, naming the file it expects (issue 22, item 8)', () => {
    // The shape of the ANS's new flow (finess-structures-journalier-AAAAMMJJ.json, schema-structures-v1: pmej → ege).
    const json = Buffer.from(JSON.stringify({ pmej: [{ numFiness: '310000000', ege: [{ numFiness: '310025945', adresse: { commune: '31555' } }] }] }));
    const xml = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<finess><structureet><nofinesset>310025945</nofinesset></structureet></finess>\n');
    for (const [bytes, what] of [[json, /^Ce fichier est du JSON \(le nouveau flux FINESS de l'ANS/], [xml, /^Ce fichier est du XML \(l'ancienne extraction FINESS/]] as const) {
      const message = fileError(bytes)!;
      expect(message).toMatch(what);
      expect(message).toMatch(/cet import attend l'extraction FINESS Etalab : le fichier etalab-cs1100507-stock-AAAAMMJJ-HHMM\.csv \(CSV « ; »\) du jeu « FINESS Extraction du Fichier des établissements » de data\.gouv\.fr/);
      expect(message).not.toMatch(/est attendu\b/);
    }
  });

  it('rejects a duplicate FINESS number, a malformed commune code and an unreadable département at their lines', () => {
    const dup = finessText().split('\n')[2]!;
    const r = readFiness(withLines(dup, dup.replace('310025945', '310099999').replace(';555;31;', ';55;31;'), dup.replace('310025945', '310099998').replace(';555;31;', ';555;X1;')));
    expect(r.rejects.items).toEqual([
      { line: 16, ref: '310025945', message: 'numéro FINESS 310025945 en double (déjà ligne 3)' },
      { line: 17, ref: '310099999', message: 'code commune « 55 » invalide (3 chiffres attendus)' },
      { line: 18, ref: '310099998', message: 'département « X1 » illisible' },
    ]);
  });

  it('rejects an unknown coordinate system and unreadable coordinates', () => {
    const r1 = readFiness(withLine(10, (l) => l.replace('LAMBERT_93', 'LAMBERT_2E')));
    expect(r1.rejects.items).toEqual([{ line: 10, ref: '310036256', message: 'système de coordonnées inconnu pour 310036256 : « 1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_2E »' }]);
    expect(r1.establishments.map((e) => e.finessEt)).not.toContain('310036256');
    const r2 = readFiness(withLine(10, (l) => l.replace('565871.1', 'abc')));
    expect(r2.rejects.items[0]!.message).toBe('coordonnées illisibles pour 310036256 (« abc », « 6279156.5 »)');
  });
});
