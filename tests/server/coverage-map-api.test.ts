/**
 * Issue 10, item 3: the CPTS coverage the map draws, compactly (`/coverage/cpts/carte`), against
 * the export's GeoJSON (full detail): the same CPTS, zones blanches and overlaps; « non renseigné »
 * split into whole départements (by code, drawn from the boundary tiles) and a polygon for the
 * rest, together exactly the export's « non renseigné » communes; communes covered in part as
 * polygons of their own. And the sub-territories' coverage in one answer, equal to each one's own.
 * On the fixture database (régions 04, 11, 52, 76), with Loire-Atlantique's CPTS list declared complete.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { insertRows } from '../helpers/curated-care';

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp({ writable: true });
  const declared = { complete_on: '2026-11-01', declared_by: 'test', source: 'test', demo: false, import_id: 'import-test' };
  await insertRows(f.db, { completeness: [{ departement: '44', list_kind: 'cpts', ...declared }] });
});
afterAll(() => f.close());

const layer = (fc: any, couche: string) => fc.features.filter((x: any) => x.properties.couche === couche);

describe('the CPTS coverage as the map draws it', () => {
  for (const territory of ['region:52', 'region:76', 'france']) {
    it(`${territory}: the same layers as the export, « non renseigné » split into whole départements and the rest`, async () => {
      const map = (await f.get(`/api/coverage/cpts/carte?territory=${territory}`)).body;
      const full = (await f.get(`/api/coverage/cpts?territory=${territory}&format=geojson`)).body;
      const figures = (await f.get(`/api/coverage/cpts?territory=${territory}`)).body;
      for (const couche of ['cpts', 'zone_blanche', 'chevauchement']) {
        expect(layer(map.couches, couche).map((x: any) => [x.properties.id, x.properties.communes, x.properties.population]))
          .toEqual(layer(full, couche).map((x: any) => [x.properties.id, x.properties.communes, x.properties.population]));
      }
      expect(layer(map.couches, 'cpts').every((x: any) => typeof x.properties.statut === 'string')).toBe(true);
      // Every commune « non renseigné » of the export is in a whole département or in the rest, never both.
      const deps = (await f.get('/api/departements')).body.departements as { code: string; communes: number; population: number }[];
      const whole = deps.filter((d) => map.departementsNonRenseignes.includes(d.code));
      expect(whole).toHaveLength(map.departementsNonRenseignes.length);
      const rest = layer(map.couches, 'non_renseigne')[0]?.properties ?? { communes: 0, population: 0 };
      const exported = layer(full, 'non_renseigne')[0]?.properties ?? { communes: 0, population: 0 };
      expect(whole.reduce((s, d) => s + d.communes, 0) + rest.communes).toBe(exported.communes);
      expect(whole.reduce((s, d) => s + d.population, 0) + rest.population).toBe(exported.population);
      expect(exported.population).toBe(figures.population.nonRenseignee);
      // Communes covered in part come as their own polygons.
      expect(layer(map.couches, 'partielle').map((x: any) => x.properties.id)).toEqual(figures.partielles.map((p: any) => p.code));
    });
  }

  it('Pays de la Loire: Loire-Atlantique (complete list) is never grey, its zones blanches are hatched; Nantes is partly covered', async () => {
    const map = (await f.get('/api/coverage/cpts/carte?territory=region:52')).body;
    expect(map.departementsNonRenseignes).not.toContain('44');
    expect(map.departementsNonRenseignes).toEqual(expect.arrayContaining(['53', '72']));
    expect(layer(map.couches, 'zone_blanche')).toHaveLength(1);
    expect(layer(map.couches, 'partielle').map((x: any) => x.properties.nom)).toEqual(['Nantes']);
  });

  it('France: a fraction of the export, under 50 kB gzip on the fixture', async () => {
    const map = await (await f.app.request('/api/coverage/cpts/carte?territory=france')).text();
    const full = await (await f.app.request('/api/coverage/cpts?territory=france&format=geojson')).text();
    expect(gzipSync(map).length).toBeLessThan(gzipSync(full).length / 2);
    expect(gzipSync(map).length).toBeLessThan(50 * 1024);
  });

  it('refuses a bad status in French, as the figures do', async () => {
    const res = await f.get('/api/coverage/cpts/carte?territory=france&status=tous');
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].message).toMatch(/^statut attendu/);
  });
});

describe('the CPTS coverage of the sub-territories, in one answer', () => {
  it('the régions of France and the départements of Occitanie, each equal to its own answer', async () => {
    for (const [territory, kind] of [['france', 'region'], ['region:76', 'departement']] as const) {
      const { body } = await f.get(`/api/coverage/cpts/sous-territoires?territory=${territory}`);
      expect(body.sousTerritoires.length).toBeGreaterThan(1);
      for (const row of body.sousTerritoires) {
        expect(row.territoire).toBe(`${kind}:${row.code}`);
        const own = (await f.get(`/api/coverage/cpts?territory=${row.territoire}`)).body;
        expect([row.nom, row.part, row.population]).toEqual([own.territoire.nom, own.population.part, own.population.totale]);
      }
    }
    const occitanie = (await f.get('/api/coverage/cpts/sous-territoires?territory=region:76')).body.sousTerritoires.map((r: any) => r.code);
    expect(occitanie).toEqual(['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82']);
    expect((await f.get('/api/coverage/cpts/sous-territoires?territory=departement:31')).body.sousTerritoires).toEqual([]);
  });
});

describe('the 2SFCA index as the map reads it (/access/2sfca/etats)', () => {
  it('Occitanie: every commune with the same index as the full answer, « non renseigné » kept apart from a zero, the same figures', async () => {
    const full = (await f.get('/api/access/2sfca?territory=region:76')).body;
    const compact = (await f.get('/api/access/2sfca/etats?territory=region:76')).body;
    const codes = compact.indicesParCommune.codes.split(',');
    const values = compact.indicesParCommune.valeurs.split(',');
    expect(codes).toEqual(full.parCommune.map((r: any) => r.code));
    expect(values).toEqual(full.parCommune.map((r: any) => (r.etat === 'non_renseigne' ? '-' : String(r.indice))));
    expect(values.filter((v: string) => v === '-').length).toBe(full.nonRenseigne.communes);
    expect(full.nonRenseigne.communes).toBeGreaterThan(0);
    const { parCommune, ...figures } = full;
    const { indicesParCommune, ...same } = compact;
    expect(same).toEqual(figures);
  });

  it('France: a fraction of the full answer', async () => {
    const full = await (await f.app.request('/api/access/2sfca?territory=france')).text();
    const compact = await (await f.app.request('/api/access/2sfca/etats?territory=france')).text();
    expect(gzipSync(compact).length).toBeLessThan(gzipSync(full).length / 2);
  });
});
