/**
 * Issue 12, items 1–3 on the API: the communes only partly covered listed with their CPTS, and
 * the lists behind the figures as CSV — zones blanches, communes beyond the SNP threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { insertRows } from '../helpers/curated-care';

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp({ writable: true });
  // Zones blanches and « à plus de 30 km » exist only where the lists are declared complete (issue 8).
  const declared = { complete_on: '2026-11-01', declared_by: 'test', source: 'test', demo: false, import_id: 'import-test' };
  await insertRows(f.db, { completeness: [{ departement: '44', list_kind: 'cpts', ...declared }, { departement: '44', list_kind: 'snp', ...declared }] });
});
afterAll(() => f.close());

const csv = async (url: string) => {
  const res = await f.app.request(url);
  expect(res.status).toBe(200);
  return (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
};

describe('lists behind the coverage and access figures', () => {
  it('lists Nantes as partly covered by CPTS Nantes Grand Ouest, its population being couvertePartiellement', async () => {
    const { body } = await f.get('/api/coverage/cpts?territory=departement:44');
    expect(body.partielles).toEqual([{ code: '44109', nom: 'Nantes', population: body.population.couvertePartiellement, cpts: [{ id: 'PDL-44-NANTES-GRAND-OUEST', nom: 'CPTS Nantes Grand Ouest' }] }]);
    expect(body.communes.partielles).toBe(1);
    expect(body.methode).not.toContain('couvertePartiellement');
  });

  it('exports the zones blanches of Loire-Atlantique, one line per commune without a CPTS', async () => {
    const { body } = await f.get('/api/coverage/cpts?territory=departement:44');
    const lines = await csv('/api/coverage/cpts?territory=departement:44&format=csv&table=zones-blanches');
    expect(lines[0]).toBe('code_commune;nom;departement;population;enclavee');
    expect(lines).toHaveLength(body.zonesBlanches.length + 1);
    expect(lines[1]).toBe('44001;Abbaretz;44;2073;non');
    expect(lines.some((l) => l.startsWith('44109;'))).toBe(false); // Nantes is (partly) covered
  });

  it('exports the communes beyond 30 km of an SNP offer with their distance', async () => {
    const { body } = await f.get('/api/access/snp?territory=departement:44');
    const lines = await csv('/api/access/snp?territory=departement:44&format=csv&table=au-dela-du-seuil');
    expect(lines[0]).toBe('code_commune;nom;population;distance_route_estimee_km;seuil_km');
    expect(lines).toHaveLength(body.auDelaDuSeuil.liste.length + 1);
    const first = body.auDelaDuSeuil.liste[0];
    expect(lines[1]).toBe(`${first.code};${first.nom};${first.population};${String(first.distanceRouteKm).replace('.', ',')};30`);
  });

  it('refuses an unknown table in French', async () => {
    const { status, body } = await f.get('/api/coverage/cpts?territory=departement:44&format=csv&table=rien');
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('zones-blanches');
  });
});
