/**
 * GET /api/coverage/cpts and /api/coverage/sas on the fixture database and its embedded default
 * care offer: figures (checked against SQL recounts), CSV and GeoJSON exports, validation, cache
 * invalidation by imports, and the demonstration setting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { followsRightHandRule } from '../../server/src/geo/rewind';
import { parisDay } from '../../server/src/lib/attachment';
import { cacheStats } from '../../server/src/lib/analysis-cache';
import { listValue } from '@duckdb/node-api';
import { insertRows } from '../helpers/curated-care';
import { analysisFixture, DEMO_EPCI, type AnalysisFixture } from '../helpers/analysis-fixture';

let f: AnalysisFixture;
beforeAll(async () => {
  f = await analysisFixture();
});
afterAll(() => f.close());

const pop = (codes: string[]) => codes.reduce((s, c) => s + f.table.byCode.get(c)!.population, 0);
const csvLines = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('GET /api/coverage/cpts', () => {
  it('says « non renseigné » for Loire-Atlantique while no CPTS list of it is declared complete: no zone blanche, no share', async () => {
    const { status, body } = await f.get('/api/coverage/cpts?territory=departement:44');
    expect(status).toBe(200);
    expect(body.zonesBlanches).toEqual([]);
    expect(body.population.part).toBeNull();
    expect(body.population.couverte).toBe(pop(['44114', '44035', '44194', '44109', '44047', '44074', '44162']));
    expect(body.population.couverte + body.population.nonRenseignee).toBe(body.population.totale);
    expect(body.communes.nonRenseignees).toBe(200);
    expect(body.completude.phrase).toBe('aucun département à liste complète : couverture calculée impossible, 1 département non renseigné');
    expect(body.comparaisonOfficielle.phrase).toMatch(/^calculé : non calculable \(d'après 2 CPTS importées \(0 département\(s\) à liste complète\)\) ; officiel : \d+ % au /);
    const layers = (await f.get('/api/coverage/cpts?territory=departement:44&format=geojson')).body;
    expect(layers.features.map((x: any) => x.properties.couche)).toEqual(['cpts', 'cpts', 'non_renseigne']);
    const csv = csvLines((await f.get('/api/coverage/cpts?territory=departement:44&format=csv')).text);
    expect(csv.find((l) => l.startsWith('44184;'))).toMatch(/;non renseigné;non renseigné;0;;;non_renseigne$/);
    // The ARS declares the list complete (here written directly; tests/server/completeness-api.test.ts goes through an import).
    await insertRows(f.db, { completeness: [{ departement: '44', list_kind: 'cpts', complete_on: '2026-11-01', declared_by: 'test', source: 'test', demo: false, import_id: 'import-test' }] });
  });

  it('gives the CPTS coverage of Loire-Atlantique: covered + uncovered = total, Nantes partly covered, Erdre et Cens in two pieces', async () => {
    const { status, body } = await f.get('/api/coverage/cpts?territory=departement:44');
    expect(status).toBe(200);
    expect(body.territoire).toEqual({ code: 'departement:44', nom: 'Loire-Atlantique', population: 1_487_570, communes: 207 });
    expect(body.population.couverte).toBe(pop(['44114', '44035', '44194', '44109', '44047', '44074', '44162']));
    expect(body.population.couverte + body.population.nonCouverte).toBe(body.population.totale);
    expect(body.population.couvertePartiellement).toBe(pop(['44109']));
    expect(body.zonesBlanches).toHaveLength(200);
    expect(body.nonContigues.map((n: any) => n.id)).toEqual(['PDL-44-ERDRE-ET-CENS']);
    expect(body.donneesDemonstration).toBe(false);
    expect(body.parCommune).toBeUndefined();
    expect(body.methode).toMatch(/partiellement/);
  });

  it('filters by status, as a SQL recount does, on the Haute-Garonne demonstration CPTS', async () => {
    const recount = async (statuses: string[]) => {
      const [row] = await f.db.all<{ p: number }>(
        `SELECT coalesce(sum(population), 0)::INTEGER AS p FROM communes WHERE departement = '31' AND code IN (
           SELECT m.commune FROM cpts_communes m JOIN cpts p ON p.id = m.cpts_id WHERE list_contains($s, p.status))`,
        { s: listValue(statuses) },
      );
      return row!.p;
    };
    const all = (await f.get('/api/coverage/cpts?territory=departement:31')).body;
    expect(all.population.couverte).toBe(await recount(['pré-projet', 'projet de santé', 'ACI signé']));
    expect(all.population.couverte).toBeGreaterThan(1_000_000);
    expect(all.donneesDemonstration).toBe(true);
    expect(all.cpts).toHaveLength(8);
    expect(all.cpts.find((c: any) => c.id === `DEMO-31-${DEMO_EPCI}`)).toMatchObject({ demo: true, statut: 'pré-projet', composantes: 1 });
    expect((await f.get('/api/coverage/cpts?territory=departement:31&status=projet')).body.population.couverte).toBe(await recount(['projet de santé', 'ACI signé']));
    const aci = (await f.get('/api/coverage/cpts?territory=departement:31&status=aci')).body;
    expect(aci.population.couverte).toBe(await recount(['ACI signé']));
    expect(aci.population.couverte).toBeLessThan(all.population.couverte);
  });

  it('hides demonstration rows when the setting is off', async () => {
    const res = await f.appWithoutDemo.request('/api/coverage/cpts?territory=departement:31');
    const body = (await res.json()) as any;
    expect(body.population.couverte).toBe(0);
    expect(body.cpts).toEqual([]);
    expect(body.donneesDemonstration).toBe(false);
  });

  it('exports the per-commune table as CSV for French Excel, named after territory and day', async () => {
    const { status, headers, text } = await f.get('/api/coverage/cpts?territory=departement:44&format=csv');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(`attachment; filename="couverture-cpts_departement-44_${parisDay()}.csv"`);
    expect(text.startsWith('\uFEFFcode_commune;nom;departement;epci;population;arrondissement_de;couverte;couverture;nombre_cpts;cpts;cpts_id;etat\r\n')).toBe(true);
    const lines = csvLines(text);
    expect(lines).toHaveLength(208);
    expect(lines.find((l) => l.startsWith('44109;'))).toBe(`44109;Nantes;44;244400404;${pop(['44109'])};;oui;partielle;1;CPTS Nantes Grand Ouest;PDL-44-NANTES-GRAND-OUEST;partielle`);
    const cpts = csvLines((await f.get('/api/coverage/cpts?territory=departement:44&format=csv&table=cpts')).text);
    expect(cpts[0]).toBe('id;nom;statut;communes_dans_territoire;population_dans_territoire;communes_total;population_total;communes_partagees;population_partagee;composantes;parties;communes_en_enclave;demonstration');
    expect(cpts.find((l) => l.startsWith('PDL-44-ERDRE-ET-CENS;'))).toMatch(/;2;2;44035;non$/);
  });

  it('exports the layers as RFC 7946 GeoJSON: CPTS perimeters, the zones blanches and overlaps dissolved', async () => {
    const { headers, body } = await f.get('/api/coverage/cpts?territory=departement:44&format=geojson');
    expect(headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(/couverture-cpts_departement-44_\d{4}-\d{2}-\d{2}\.geojson/);
    expect(body.type).toBe('FeatureCollection');
    expect(body.crs).toBeUndefined();
    expect(body.features.map((x: any) => x.properties.couche)).toEqual(['cpts', 'cpts', 'zone_blanche']);
    const blank = body.features.find((x: any) => x.properties.couche === 'zone_blanche');
    const figures = (await f.get('/api/coverage/cpts?territory=departement:44')).body;
    expect(blank.properties.population).toBe(figures.population.nonCouverte);
    for (const feature of body.features) {
      const g = feature.geometry as MultiPolygon;
      expect(g.type).toBe('MultiPolygon');
      expect(followsRightHandRule(g)).toBe(true);
      for (const [lon, lat] of g.coordinates.flat(2)) {
        expect(lon).toBeGreaterThan(-3);
        expect(lon).toBeLessThan(0);
        expect(lat).toBeGreaterThan(46.8);
        expect(lat).toBeLessThan(47.9);
      }
    }
  });

  it('answers 400 in French for a malformed territory or status, 404 for an unknown one', async () => {
    const bad = await f.get('/api/coverage/cpts?territory=dep:44');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].message).toMatch(/territoire « dep:44 » illisible/);
    const status = await f.get('/api/coverage/cpts?territory=france&status=signe');
    expect(status.status).toBe(400);
    expect(status.body.error.issues[0]).toEqual({ path: 'status', message: 'statut attendu : all (toutes), projet (projet de santé et au-delà) ou aci (ACI signé)' });
    expect((await f.get('/api/coverage/cpts')).status).toBe(400);
    expect(await f.get('/api/coverage/cpts?territory=departement:01')).toMatchObject({ status: 404, body: { error: { message: 'Territoire departement:01 inconnu de la base.' } } });
  });

  it('recomputes after an import (data_version) and serves the cache otherwise', async () => {
    const before = (await f.get('/api/coverage/cpts?territory=epci:244400404')).body;
    // Served again without computing (from the ready answers of lib/answer-cache.ts, or the analysis cache).
    const misses = cacheStats(f.db).misses;
    expect((await f.get('/api/coverage/cpts?territory=epci:244400404')).body).toEqual(before);
    expect(cacheStats(f.db).misses).toBe(misses);
    const base = { demo: false, import_id: 'import-test', source: 'test' };
    await insertRows(f.db, {
      cpts: [{ id: 'TEST-SUD-LOIRE', name: 'CPTS Sud Loire (test)', status: 'ACI signé', ...base }],
      cpts_communes: [{ cpts_id: 'TEST-SUD-LOIRE', commune: '44143', coverage: 'entière', ...base }],
    });
    const after = (await f.get('/api/coverage/cpts?territory=epci:244400404')).body;
    expect(Number(after.versionDonnees)).toBe(Number(before.versionDonnees) + 1);
    expect(after.population.couverte).toBe(before.population.couverte + pop(['44143']));
  });
});

describe('GET /api/coverage/sas', () => {
  const depPop = (d: string) => f.table.list.filter((c) => c.departement === d).reduce((s, c) => s + c.population, 0);
  it('covers Loire-Atlantique and Vendée in Pays de la Loire on 2024-01-01, with shares of the région and of the database', async () => {
    const { status, body } = await f.get('/api/coverage/sas?territory=region:52&date=2024-01-01');
    expect(status).toBe(200);
    expect(body.population.couverte).toBe(depPop('44') + depPop('85'));
    expect(body.departements.find((d: any) => d.code === '85')).toMatchObject({ statut: 'opérationnel', debut: '2023-04-27', etat: 'couvert', dateInconnue: false });
    expect(body.departements.find((d: any) => d.code === '44')).toMatchObject({ statut: 'pilote', etat: 'couvert', dateInconnue: true });
    // Shares are of the départements whose SAS is known (44 and 85); the three others are « non renseigné ».
    expect(body.population.renseignee).toBe(depPop('44') + depPop('85'));
    expect(body.regions[0].part).toBeCloseTo(body.population.couverte / body.population.renseignee, 12);
    expect(body.france.partDuTerritoire).toBeCloseTo(body.population.couverte / body.france.population, 12);
    expect((await f.get('/api/coverage/sas?territory=region:52&date=2023-01-01')).body.population.couverte).toBe(depPop('44'));
  });

  it('says « non renseigné » for a département without any SAS row, never 0 %, and computes no gap against the official figure (issue 22, item 5)', async () => {
    // Maine-et-Loire (49): no SAS row in the curated list.
    const { body } = await f.get('/api/coverage/sas?territory=departement:49&date=2024-06-01');
    expect(body.departements).toEqual([expect.objectContaining({ code: '49', statut: 'aucune donnée', etat: 'non renseigné' })]);
    expect(body.population).toMatchObject({ couverte: 0, renseignee: 0, nonRenseignee: depPop('49'), part: null });
    const cmp = body.comparaisonOfficielle;
    expect(cmp.officiel).not.toBeNull();
    expect(cmp).toMatchObject({ calcule: null, ecartPoints: null });
    expect(cmp.phrase).toMatch(/^calculé : non renseigné \(aucun SAS connu dans ce territoire\) ; officiel : [\d,]+ % au /);
    expect(cmp.phrase).not.toMatch(/écart/);
    const region = (await f.get('/api/coverage/sas?territory=region:52&date=2024-06-01')).body;
    expect(region.departements.filter((d: any) => d.etat === 'non renseigné').map((d: any) => d.code)).toEqual(['49', '53', '72']);
    expect(region.population.nonRenseignee).toBe(depPop('49') + depPop('53') + depPop('72'));
    expect(region.population.couverte + region.population.incertaine + region.population.nonRenseignee).toBeLessThanOrEqual(region.population.totale);
    expect(region.comparaisonOfficielle.base).toBe("d'après les SAS de la base (2 départements renseignés sur 5 ; 3 départements non renseignés)");
  });

  it('exports départements as CSV and as GeoJSON polygons, and refuses a malformed date', async () => {
    const csv = csvLines((await f.get('/api/coverage/sas?territory=region:52&date=2024-01-01&format=csv')).text);
    expect(csv[0]).toBe('code_departement;nom;region;population;statut_sas;debut;etat_a_la_date;date_de_debut_inconnue;filieres;date;demonstration');
    expect(csv).toHaveLength(6);
    const geo = (await f.get('/api/coverage/sas?territory=region:52&date=2024-01-01&format=geojson')).body;
    expect(geo.features.map((x: any) => x.properties.code)).toEqual(['44', '49', '53', '72', '85']);
    expect(geo.features.every((x: any) => followsRightHandRule(x.geometry))).toBe(true);
    const bad = await f.get('/api/coverage/sas?territory=region:52&date=2024-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].message).toBe('date attendue au format AAAA-MM-JJ (ex. 2026-11-23)');
  });
});
