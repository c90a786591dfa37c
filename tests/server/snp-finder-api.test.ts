/** GET /api/snp/nearest on the fixture's embedded default: offers, states at an instant, SAS, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';

// The embedded default of the fixture database: the real curated lists.
let f: FixtureApp & { get(url: string): Promise<{ status: number; body: any }> };
beforeAll(async () => {
  const app = await fixtureApp();
  f = { ...app, get: async (url) => { const res = await app.app.request(url); return { status: res.status, body: await res.json() }; } };
});
afterAll(() => f.close());

const at = encodeURIComponent('2026-11-23T21:00:00+01:00');

describe('GET /api/snp/nearest', () => {
  it('gives the offers nearest to Colomiers, MMG Colomiers first, with source and the SAS of Haute-Garonne', async () => {
    const { status, body } = await f.get(`/api/snp/nearest?commune=31149&at=${at}&limit=5`);
    expect(status).toBe(200);
    expect(body.origine).toMatchObject({ code: '31149', nom: 'Colomiers', departement: '31', departementNom: 'Haute-Garonne' });
    expect(body.instant).toBe('2026-11-23T20:00:00.000Z');
    expect(body.offres).toHaveLength(5);
    expect(body.offres[0]).toMatchObject({ type: 'MMG', nom: 'MMG COLOMIERS', commune: { code: '31149', nom: 'Colomiers' }, fuseau: 'Europe/Paris', demonstration: false });
    expect(body.offres[0].source).toMatch(/FINESS/);
    const distances = body.offres.map((o: any) => o.distanceKm);
    expect([...distances].sort((a: number, b: number) => a - b)).toEqual(distances);
    expect(body.sas).toMatchObject({ departement: '31', nom: 'Haute-Garonne', debut: '2021' });
    expect(['opérationnel', 'pilote']).toContain(body.sas.statut);
    expect(body.methode).toMatch(/× 1,3/);
  });

  it('says which offers are open at 21:00 near Bouaye, in words the page can show', async () => {
    const { body } = await f.get(`/api/snp/nearest?commune=44018&at=${at}&limit=3`);
    const mmg = body.offres.find((o: any) => o.type === 'MMG');
    expect(mmg.ouverture).toMatchObject({ etat: 'ouvert', jusquaLocal: '2026-11-24T00:00' });
    expect(mmg.horaires).toBe('Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00');
  });

  it('answers for a point as well as for a commune, in the time zone of the offers found', async () => {
    const point = await f.get(`/api/snp/nearest?lon=55.478&lat=-21.341&at=${at}&limit=1`);
    expect(point.status).toBe(200);
    expect(point.body.origine.departement).toBe('974');
    expect(point.body.offres[0].fuseau).toBe('Indian/Reunion');
  });

  it('lists from Nantes only offers within the documented cap, never « MMG Lespinasse » 450 km away, and says the list is not complete', async () => {
    const { body } = await f.get(`/api/snp/nearest?commune=44109&at=${at}&limit=50`);
    expect(body.plafondKm).toBe(60);
    expect(body.offres.length).toBeGreaterThan(0);
    expect(body.offres.every((o: any) => o.distanceRouteKm <= 60)).toBe(true);
    expect(body.offres.map((o: any) => o.nom)).not.toContain('MMG LESPINASSE');
    expect(body.offres.every((o: any) => ['44', '49', '85', '56', '35'].includes(o.departement))).toBe(true);
    expect(body.listeComplete).toBeNull();
    expect(body.avertissement).toBe('La liste des offres de soins non programmés (Loire-Atlantique) n\'est pas déclarée complète : d\'autres offres, plus proches, peuvent exister. '
      + 'En cas de besoin de soins non programmés, appelez d\'abord le 15 (ou le SAS de votre département) : il vous orientera.');
    const wide = (await f.get(`/api/snp/nearest?commune=44109&at=${at}&limit=50&maxKm=200`)).body;
    expect(wide.offres.length).toBeGreaterThan(body.offres.length);
    expect(wide.offres.every((o: any) => o.distanceRouteKm <= 200)).toBe(true);
    expect((await f.get('/api/snp/nearest?commune=44109&maxKm=450')).status).toBe(400);
  });

  it('refuses a request without origin, or with both, and an unknown commune, in French', async () => {
    const none = await f.get('/api/snp/nearest');
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/donnez une commune/);
    const both = await f.get('/api/snp/nearest?commune=31149&lon=1&lat=43');
    expect(both.status).toBe(400);
    const unknown = await f.get('/api/snp/nearest?commune=99999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Commune 99999 inconnue.');
  });
});
