/**
 * Issue 20 end to end, by the two steps of `npm run setup` that it changes: `download` from a
 * mirror that holds a national FINESS extraction in `finess-etalab/` (100 000 records in the
 * official layout, generated from the France communes by the benchmarks' generator), then the
 * offline build. Built for Corse and La Réunion (régions 94 and 04: three départements, seconds
 * a build), so that most of the national file lies outside the base and is left out. Checked
 * against the file itself, read here independently of the importer: the MSP and centres de santé
 * of each département, their telephones, their date and source, « liste complète au <date> » for
 * those two categories only, the CPTS of category 604 as points without perimeter that no coverage
 * counts — and, from the same mirror without the folder, a build as before.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_FINESS_AUTHOR } from '../../scripts/build/national-finess';
import type { SourcesRecord } from '../../scripts/download/download';
import { FINESS_CACHE_NAME } from '../../scripts/download/sources';
import { openDatabase } from '../../server/src/db/connection';
import { runImport } from '../../server/src/imports/run-import';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { NATIONAL_DATE as DATE, NATIONAL_DEPS as DEPS, NATIONAL_FILE as FILE, nationalFinessBuilds, type NationalBuild, type NationalLine } from '../helpers/national-finess-build';
import { INPUT_CACHE } from '../helpers/paths';

const SOURCE = `FINESS, extraction Etalab du ${DATE} (${FILE})`;

let file: Buffer;
let lines: NationalLine[];
let withFile: NationalBuild;
let without: NationalBuild;
let a: FixtureApp;
let b: FixtureApp;

beforeAll(async () => {
  const built = await nationalFinessBuilds({ alsoWithout: true });
  ({ file, lines } = built);
  withFile = built.withFiness;
  without = built.without!;
  a = await fixtureApp({ dir: without.out });
  b = await fixtureApp({ dir: withFile.out });
}, 600_000);
afterAll(() => {
  a?.close();
  b?.close();
});

const inDep = (d: string, categories: string[]) => lines.filter((l) => l.departement === d && categories.includes(l.category));
const count = (features: any[], kind: string) => features.filter((f) => f.properties.categorie === kind).length;

describe('npm run setup with a national FINESS extraction in the mirror (finess-etalab/)', () => {
  it('records the extraction in the sources with its date and sha256', async () => {
    const entry = withFile.record.files.find((f) => f.file === FINESS_CACHE_NAME)!;
    expect(entry).toMatchObject({ origin: `miroir:finess-etalab/${FILE}`, date: DATE, originalName: FILE, sha256: createHash('sha256').update(file).digest('hex') });
    const { body } = await b.get('/api/sources');
    expect(body.fichiers.find((f: any) => f.id === FINESS_CACHE_NAME)).toMatchObject({ title: FILE, date: DATE, sha256: entry.sha256, origin: entry.origin, licence: 'Licence Ouverte 2.0' });
  });

  it('serves in /api/structures, for each département, exactly the MSP and centres de santé of the file, dated and sourced by it', async () => {
    for (const d of DEPS) {
      const { body } = await b.get(`/api/structures?departement=${d}&kind=MSP,CDS`);
      expect(inDep(d, ['603']).length).toBeGreaterThan(0);
      expect({ d, msp: count(body.features, 'MSP'), cds: count(body.features, 'CDS') }).toEqual({ d, msp: inDep(d, ['603']).length, cds: inDep(d, ['124']).length });
      expect(body.features.map((f: any) => f.properties.id).sort()).toEqual(inDep(d, ['603', '124']).map((l) => `finess:${l.et}`).sort());
      for (const f of body.features) expect(f.properties).toMatchObject({ source: SOURCE, dateSource: DATE, demonstration: false });
    }
    // The curated partial list of Réunion MSP gave way: without the extraction it is there.
    const curated = (x: any) => x.body.features.filter((f: any) => f.properties.id.startsWith('msp:974'));
    expect(curated(await a.get('/api/structures?departement=974&kind=MSP')).length).toBeGreaterThan(0);
    expect(curated(await b.get('/api/structures?departement=974&kind=MSP'))).toEqual([]);
  });

  it('declares the MSP and centres de santé lists complete at the extraction date, and neither the MMG nor the SNP offers', async () => {
    for (const url of ['/api/structures?departement=2A', '/api/structures?region=94', '/api/structures?departement=974&kind=MMG']) {
      const { body } = await b.get(url);
      const lists = Object.fromEntries(body.completude.listes.map((l: any) => [l.liste, l]));
      expect(lists['msp-cds'].complete).toBe(true);
      expect(lists['msp-cds'].phrase).toBe(`complète au ${DATE} (${SOURCE})`);
      for (const d of lists['msp-cds'].departementsComplets) expect(d).toMatchObject({ date: DATE, source: SOURCE });
      expect(lists.mmg).toMatchObject({ complete: false, phrase: 'non déclarée complète', departementsComplets: [] });
      expect(lists.snp).toMatchObject({ complete: false, phrase: 'non déclarée complète' });
    }
    const { body } = await b.get('/api/indicators?territory=departement:2B');
    expect(body.offre.total.nombre.MSP).toBe(inDep('2B', ['603']).length);
    expect(body.completude.phrase).toMatch(new RegExp(`^MSP et centres de santé : liste complète au ${DATE}`));
  });

  it('gives every MSP and centre de santé the telephone of the file, and the finder its MMG\'s', async () => {
    const phones = new Map(lines.map((l) => [`finess:${l.et}`, l.telephone]));
    let withPhone = 0;
    for (const d of DEPS) {
      for (const f of (await b.get(`/api/structures?departement=${d}&kind=MSP,CDS`)).body.features) {
        expect([f.properties.id, f.properties.telephone]).toEqual([f.properties.id, phones.get(f.properties.id)]);
        if (f.properties.telephone) withPhone++;
      }
    }
    expect(withPhone).toBeGreaterThan(50);
    // An MMG of the file (recognised by its label), searched from its own commune: first, with its number.
    const mmg = lines.find((l) => l.departement === '2A' && l.category === '000' && l.telephone)!;
    const { body } = await b.get(`/api/snp/nearest?commune=${mmg.commune}&limit=50&maxKm=200`);
    const offer = body.offres.find((o: any) => o.id === `finess:${mmg.et}`);
    expect(offer).toMatchObject({ type: 'MMG', telephone: mmg.telephone, dateSource: DATE });
    for (const o of body.offres.filter((x: any) => x.id.startsWith('finess:'))) expect(o.telephone).toBe(phones.get(o.id));
  });

  it('lists the CPTS of category 604 as CPTS at their address, « périmètre non renseigné », known but in no coverage', async () => {
    for (const d of DEPS) {
      const file604 = inDep(d, ['604']);
      const { body } = await b.get(`/api/cpts?departement=${d}`);
      const fromFiness = body.cpts.filter((c: any) => c.id.startsWith('finess:'));
      expect(fromFiness.map((c: any) => c.id).sort()).toEqual(file604.map((l) => `finess:${l.et}`).sort());
      const geolocated = new Set(file604.filter((l) => l.geolocated).map((l) => `finess:${l.et}`));
      for (const c of fromFiness) {
        expect(c).toMatchObject({ perimetre: 'non renseigné', territoireRenseigne: false, statut: 'non renseigné', communes: { total: 0 }, population: { calculee: null }, source: SOURCE, dateSource: DATE });
        // At its FINESS address; at its commune's point when the file has no geolocation for it.
        expect([c.id, c.siege.position.precision]).toEqual([c.id, geolocated.has(c.id) ? 'adresse' : 'commune']);
      }
      const coverage = async (app: FixtureApp) => (await app.get(`/api/coverage/cpts?territory=departement:${d}`)).body;
      const [before, after] = [await coverage(a), await coverage(b)];
      expect(after.population).toEqual(before.population);
      expect(after.cpts).toEqual(before.cpts);
      expect(after.cptsConnues).toEqual({ total: before.cptsConnues.total + file604.length, avecPerimetre: before.cptsConnues.avecPerimetre, sansPerimetre: before.cptsConnues.sansPerimetre + file604.length });
    }
    const one = inDep('2A', ['604']).find((l) => l.geolocated)!;
    const detail = (await b.get(`/api/cpts/finess:${one.et}`)).body;
    expect(detail.perimetre).toBeNull();
    expect(detail.perimetreNote).toMatch(/^Périmètre non renseigné : CPTS connue par le FINESS \(catégorie 604\)/);
    // Its point is its FINESS position: the generator places it at its commune's label point.
    const [label] = await b.db.all<{ lon: number; lat: number }>(`SELECT label_lon AS lon, label_lat AS lat FROM communes WHERE code = '${one.commune}'`);
    expect(Math.abs(detail.cpts.siege.position.lon - label!.lon)).toBeLessThan(1e-5);
    expect(Math.abs(detail.cpts.siege.position.lat - label!.lat)).toBeLessThan(1e-5);
  });

  it('counts such a CPTS in the coverage once an ARS imports its communes under its FINESS identifier', async () => {
    const one = inDep('2B', ['604'])[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'maillage-finess-cpts-'));
    copyFileSync(join(withFile.out, 'maillage.duckdb'), join(dir, 'maillage.duckdb'));
    copyFileSync(join(withFile.out, 'communes.topo.json'), join(dir, 'communes.topo.json'));
    const db = await openDatabase(join(dir, 'maillage.duckdb'));
    const csv = `id_cpts;nom;statut;commune_insee;source\nfiness:${one.et};CPTS de test;projet de santé;${one.commune};ARS de Corse (test)\n`;
    const outcome = await runImport(db, { kind: 'cpts', bytes: Buffer.from(csv), fileName: 'cpts.csv', keepValid: false, importedBy: 'test', archiveDir: join(dir, 'imports') });
    db.close();
    expect(outcome.status).toBe('appliqué');
    const c = await fixtureApp({ dir });
    try {
      const item = (await c.get('/api/cpts?departement=2B')).body.cpts.find((x: any) => x.id === `finess:${one.et}`);
      expect(item).toMatchObject({ perimetre: 'renseigné', statut: 'projet de santé', communes: { total: 1 } });
      const coverage = (await c.get('/api/coverage/cpts?territory=departement:2B')).body;
      expect(coverage.cpts.map((x: any) => x.id)).toContain(`finess:${one.et}`);
      expect(coverage.cptsConnues.sansPerimetre).toBe(inDep('2B', ['604']).length - 1);
    } finally {
      c.close();
    }
  });

  it('journals the load as one import dated by the extraction, the establishments outside the base left out and counted, not rejected', async () => {
    const { body } = await b.get('/api/imports');
    expect(body.imports).toHaveLength(1);
    expect(body.imports[0]).toMatchObject({ kind: 'finess', fileName: FILE, importedAt: `${DATE}T00:00:00.000Z`, status: 'appliqué', rowsRejected: 0 });
    const kept = ['603', '124', '604', '000', '355', '365'];
    const outside = lines.filter((l) => kept.includes(l.category) && !DEPS.includes(l.departement)).length;
    expect(outside).toBeGreaterThan(20_000);
    expect(body.imports[0].rapport.summary['ignorés (départements hors de la base)']).toBe(outside);
    const db = await openDatabase(join(withFile.out, 'maillage.duckdb'), { readOnly: true });
    try {
      expect(await db.all("SELECT imported_by AS by FROM imports")).toEqual([{ by: NATIONAL_FINESS_AUTHOR }]);
      expect(await db.all("SELECT DISTINCT list_kind AS l FROM completeness")).toEqual([{ l: 'msp-cds' }]);
      expect((await db.all<{ d: string }>('SELECT departement AS d FROM completeness ORDER BY d')).map((r) => r.d)).toEqual([...DEPS].sort());
    } finally {
      db.close();
    }
  });
});

describe('npm run setup from the same mirror without finess-etalab/', () => {
  it('downloads exactly the inputs it downloaded before, and builds the default alone', async () => {
    const before = JSON.parse(readFileSync(join(INPUT_CACHE, 'sources.json'), 'utf8')) as SourcesRecord;
    const pick = (r: SourcesRecord) => r.files.map((f) => ({ file: f.file, sha256: f.sha256, origin: f.origin }));
    expect(pick(without.record)).toEqual(pick(before));
    const db = await openDatabase(join(without.out, 'maillage.duckdb'), { readOnly: true });
    try {
      expect(await db.all('SELECT count(*)::INTEGER AS n FROM imports')).toEqual([{ n: 0 }]);
      expect(await db.all('SELECT count(*)::INTEGER AS n FROM completeness')).toEqual([{ n: 0 }]);
      expect(await db.all("SELECT count(*)::INTEGER AS n FROM structures WHERE import_id IS NOT NULL OR source LIKE 'FINESS, extraction Etalab%'")).toEqual([{ n: 0 }]);
      expect(await db.all("SELECT value FROM meta WHERE key = 'data_version'")).toEqual([{ value: '1' }]);
    } finally {
      db.close();
    }
    const { body } = await a.get('/api/structures?region=94');
    expect(body.completude.listes.every((l: any) => l.complete === false && l.phrase === 'non déclarée complète')).toBe(true);
  });
});
