/**
 * The draft's effect on the départements it touches, computed by the server
 * (POST /api/cpts/:id/brouillon, `effetDepartements`) with the coverage analysis of
 * /api/coverage/cpts: each département by its communes' own département in the table (not a code
 * prefix), every département the draft touches (not the CPTS's first one only), and « non
 * renseignée » (`part: null`) before and after where the département's CPTS list is not complete.
 * The page used to compute it in the browser from its first département, by prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { insertRows } from '../helpers/curated-care';

const CPTS = 'PDL-44-ERDRE-ET-CENS';
let complete: FixtureApp;
let plain: FixtureApp;
beforeAll(async () => {
  complete = await fixtureApp({ writable: true });
  const declared = { complete_on: '2026-11-01', declared_by: 'test', source: 'test', demo: false, import_id: 'import-test' };
  await insertRows(complete.db, { completeness: [{ departement: '44', list_kind: 'cpts', ...declared }] });
  plain = await fixtureApp();
});
afterAll(() => {
  complete.close();
  plain.close();
});

const draftOf = async (f: FixtureApp, communes: string[]) => {
  const res = await f.app.request(`/api/cpts/${CPTS}/brouillon`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ communes }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as any).effetDepartements as any[];
};

/** A commune of Maine-et-Loire that no CPTS of the base lists. */
async function communeWithoutCpts(f: FixtureApp, dep: string) {
  const listed = new Set<string>();
  for (const c of (await f.get(`/api/cpts?departement=${dep}`)).body.cpts as any[]) {
    for (const m of (await f.get(`/api/cpts/${c.id}`)).body.communes as any[]) listed.add(m.code);
  }
  const communes = ((await f.get(`/api/communes?departement=${dep}`)).body.features as any[]).map((x) => x.properties);
  return communes.find((c) => !listed.has(c.code) && c.population > 1000)!;
}

describe('POST /api/cpts/:id/brouillon, effect on the départements', () => {
  it('adds a zone blanche of 44 (list complete) and a commune of 49 (list not complete): 44 computed, 49 « non renseignée », both listed', async () => {
    const official = ((await complete.get(`/api/cpts/${CPTS}`)).body.communes as any[]).map((c) => c.code);
    const coverage44 = (await complete.get('/api/coverage/cpts?territory=departement:44')).body;
    expect(coverage44.population.part).not.toBeNull();
    const zb = coverage44.zonesBlanches[0];
    const in49 = await communeWithoutCpts(complete, '49');
    expect(in49).toBeDefined();
    const coverage49 = (await complete.get('/api/coverage/cpts?territory=departement:49')).body;

    const effects = await draftOf(complete, [...official, zb.code, in49.code]);
    expect(effects.map((e) => e.departement)).toEqual(['44', '49']);
    const [d44, d49] = effects;
    const { couverte, totale, part } = coverage44.population;
    expect(d44).toMatchObject({ departement: '44', nom: 'Loire-Atlantique', listeComplete: true, avant: { couverte, totale, part }, difference: zb.population });
    expect(d44.apres.couverte).toBe(couverte + zb.population);
    expect(d44.apres.part).toBeCloseTo((couverte + zb.population) / totale, 12);
    expect(d49).toMatchObject({
      departement: '49', nom: 'Maine-et-Loire', listeComplete: false,
      avant: { couverte: coverage49.population.couverte, totale: coverage49.population.totale, part: null },
      apres: { couverte: coverage49.population.couverte + in49.population, part: null },
      difference: in49.population,
    });
  });

  it('says « non renseignée » (part null) before and after where no list is declared complete, and a draft equal to the perimeter changes nothing', async () => {
    const official = ((await plain.get(`/api/cpts/${CPTS}`)).body.communes as any[]).map((c) => c.code);
    const same = await draftOf(plain, official);
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ departement: '44', listeComplete: false, avant: { part: null }, apres: { part: null }, difference: 0 });
    expect(same[0].apres).toEqual(same[0].avant);
    // Removing every commune: the population only this CPTS covered leaves the CPTS coverage.
    const none = await draftOf(plain, []);
    expect(none[0].difference).toBeLessThan(0);
    expect(none[0].apres.part).toBeNull();
  });
});
