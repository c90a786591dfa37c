/**
 * Items 8 and 9 of issue 11. One rule, one place: an emergency site without hours has the same
 * opening state in /api/structures and in /api/snp/nearest. Analysis on the server: the SNP
 * figures of a CPTS over two départements count the communes of both (the page used to compute
 * them in the browser from its first département only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structuresIn } from '../../server/src/analysis/territory';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import { listStructures } from '../../server/src/db/structure-queries';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const AT = '2026-11-23T03:00:00+01:00'; // a Monday, 3 a.m.: only round-the-clock offers are open

describe('the opening state of an offer', () => {
  it('is the same for the same emergency site without hours in /api/structures and /api/snp/nearest', async () => {
    // Before the one rule, /api/snp/nearest said « ouvert (supposés 24 h/24) » and /api/structures « inconnu ».
    let compared = 0;
    for (const dep of ['44', '31']) {
      const structures = (await f.get(`/api/structures?departement=${dep}&kind=SU&instant=${encodeURIComponent(AT)}`)).body.features as any[];
      const withoutHours = structures.filter((s) => s.properties.horaires === null);
      expect(withoutHours.length, `SU sans horaires en ${dep}`).toBeGreaterThan(0);
      for (const s of withoutHours) {
        const nearest = (await f.get(`/api/snp/nearest?commune=${s.properties.commune.code}&limit=50&at=${encodeURIComponent(AT)}`)).body.offres as any[];
        const same = nearest.find((o) => o.id === s.properties.id);
        expect(same, `${s.properties.id} parmi les offres les plus proches de sa commune`).toBeDefined();
        expect({ id: s.properties.id, etat: same.ouverture.etat }).toEqual({ id: s.properties.id, etat: s.properties.ouverture.etat });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1);
  });

  it('is the documented rule: an SU without hours is assumed open around the clock, everywhere', async () => {
    const structures = (await f.get(`/api/structures?departement=44&kind=SU&instant=${encodeURIComponent(AT)}`)).body.features as any[];
    const withoutHours = structures.filter((s) => s.properties.horaires === null);
    expect(withoutHours.length).toBeGreaterThan(0);
    for (const s of withoutHours) expect(s.properties.ouverture).toMatchObject({ etat: 'ouvert', horaires: 'supposés 24 h/24' });
    const nearest = (await f.get(`/api/snp/nearest?commune=44109&limit=50&at=${encodeURIComponent(AT)}`)).body.offres as any[];
    const ids = new Set(withoutHours.map((s) => s.properties.id));
    const listed = nearest.filter((o) => ids.has(o.id));
    expect(listed.length).toBeGreaterThan(0);
    for (const o of listed) expect(o.ouverture).toMatchObject({ etat: 'ouvert', horaires: 'supposés 24 h/24' });
  });
});

describe('structures in a territory, and old commune codes', () => {
  it('are the same set whether the database or the analyses select the structures of a département', async () => {
    const table = await loadCommuneTable(f.db);
    const all = await listStructures(f.db, { demo: true });
    for (const dep of ['44', '31']) {
      const viaSql = ((await f.get(`/api/structures?departement=${dep}`)).body.features as any[]).map((x) => x.properties.id).sort();
      const viaRule = structuresIn({ kind: 'departement', code: dep }, table, all).map((x) => x.id).sort();
      expect(viaSql.length, `${dep} : ${viaSql.length} structures`).toBeGreaterThan(3);
      expect(viaRule).toEqual(viaSql);
    }
  });

  it('translate an old code to the same commune in the commune card, the search, the SNP finder and the perimeter', async () => {
    const card = (await f.get('/api/communes/44004')).body;
    const search = (await f.get('/api/search?q=44004')).body.results[0];
    const finder = (await f.get('/api/snp/nearest?commune=44004&limit=1')).body.origine;
    const res = await f.app.request('/api/perimeter', { method: 'POST', body: JSON.stringify({ communes: ['44004'] }), headers: { 'content-type': 'application/json' } });
    const perimeter = ((await res.json()) as any).properties;
    expect([card.commune.code, search.code, finder.code, perimeter.codes[0]]).toEqual(['44163', '44163', '44163', '44163']);
    expect(perimeter.codes_traduits).toEqual([{ ancien: '44004', nouveau: '44163' }]);
  });
});

describe('GET /api/cpts/:id/acces-snp', () => {
  it('computes the figures of a CPTS over two départements from the communes of both', async () => {
    const csv = 'id_cpts;nom;statut;date_statut;commune_insee;source\nTEST-2DEP;CPTS de deux départements;ACI signé;2024;44109;essai\nTEST-2DEP;CPTS de deux départements;ACI signé;2024;49007;essai\n';
    expect((await f.run('cpts', new TextEncoder().encode(csv))).status).toBe('appliqué');
    const res = await f.get('/api/cpts/TEST-2DEP/acces-snp');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cpts: { id: 'TEST-2DEP' }, communes: 2, departements: ['44', '49'] });
    // Each commune as its own département's access analysis sees it.
    const row = async (dep: string, code: string) => ((await f.get(`/api/access/snp?territory=departement:${dep}`)).body.parCommune as any[]).find((r) => r.code === code);
    const nantes = await row('44', '44109');
    const angers = await row('49', '49007');
    expect(res.body.population).toBe(nantes.population + angers.population);
    const mean = (nantes.distanceRouteKm * nantes.population + angers.distanceRouteKm * angers.population) / (nantes.population + angers.population);
    expect(res.body.distanceMoyenneKm).toBeCloseTo(mean, 1);
    const beyond = [nantes, angers].filter((r) => r.distanceRouteKm > 30).reduce((s, r) => s + r.population, 0);
    expect(res.body.auDelaDuSeuil).toMatchObject({ seuilKm: 30, population: beyond });
    expect(res.body.offresSurTerritoire.every((o: any) => ['44109', '49007'].includes(o.commune))).toBe(true);
    expect(res.body.offresSurTerritoire.length).toBeGreaterThan(0);
  });

  it('answers 404 in French for an unknown CPTS', async () => {
    expect((await f.get('/api/cpts/INCONNUE/acces-snp'))).toMatchObject({ status: 404, body: { error: { code: 'introuvable', message: 'CPTS « INCONNUE » inconnue.' } } });
  });
});
