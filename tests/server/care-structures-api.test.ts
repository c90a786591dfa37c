/**
 * GET /api/structures on the fixture database (default care offer): the real Haute-Garonne
 * MSP/CDS/MMG at their FINESS positions with their source, the MMG and emergency sites named by
 * the press, opening state in the structure's time zone at a given instant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { saeSites } from '../helpers/sae-sites';

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp();
});
afterAll(() => f.close());

const get = (url: string) => f.get(url);
const props = (body: any, id: string) => body.features.find((x: any) => x.id === id)?.properties;
const BOUAYE = 'mmg:44018:maison-medicale-de-garde-de-bouaye-caps';

describe('GET /api/structures', () => {
  it('gives the 59 MSP, 60 centres de santé and 11 MMG of Haute-Garonne from FINESS', async () => {
    const { status, body } = await get('/api/structures?departement=31&kind=MSP,CDS,MMG');
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    const count = (k: string) => body.features.filter((x: any) => x.properties.categorie === k).length;
    expect([body.total, count('MSP'), count('CDS'), count('MMG')]).toEqual([130, 59, 60, 11]);
    expect(body.donneesDemonstration).toBe(false);
    expect(body.features.every((x: any) => x.properties.precision === 'adresse' && x.properties.dateSource === '2026-08-10')).toBe(true);
  });

  it('places MMG COLOMIERS at its FINESS position, with its source and no hours', async () => {
    const { body } = await get('/api/structures?departement=31&kind=MMG');
    const mmg = body.features.find((x: any) => x.id === 'finess:310036256');
    expect(mmg.geometry).toEqual({ type: 'Point', coordinates: [1.339267, 43.598769] });
    expect(mmg.properties).toMatchObject({
      nom: 'MMG COLOMIERS', commune: { code: '31149', nom: 'Colomiers' }, adresse: '10 CHE DE COURNAUDIS, 31770 COLOMIERS',
      finess: { et: '310036256', ej: null, categorie: { code: null, libelle: 'Maison médicale de garde (MMG)' } },
      accepteSnp: 'oui', horaires: null, demonstration: false,
    });
    expect(mmg.properties.source).toMatch(/^https:\/\/github\.com\/franfran120374-design\/appli-sante-31\/blob\/66f2c854/);
    expect(mmg.properties.ouverture.etat).toBe('inconnu');
  });

  it('gives each centre de santé the subtype its name says, or none', async () => {
    const { body } = await get('/api/structures?departement=31&kind=CDS');
    const bySubtype = (s: string | null) => body.features.filter((x: any) => x.properties.sousTypeCds === s).length;
    expect([bySubtype('dentaire'), bySubtype('infirmier'), bySubtype('polyvalent'), bySubtype('autre'), bySubtype(null)]).toEqual([20, 5, 8, 7, 20]);
    expect(props(body, 'finess:310786579')).toMatchObject({ nom: 'CABINET DENTAIRE', sousTypeCds: 'dentaire' });
  });

  it('lists the 17 MMG of the curated list, the press ones at their commune point', async () => {
    const { body } = await get('/api/structures?kind=mmg');
    expect(body.total).toBe(17);
    expect(props(body, 'mmg:30007:maison-medicale-de-garde-d-ales')).toMatchObject({
      precision: 'commune', horaires: 'Mo-Fr 20:00-24:00; Sa 09:00-24:00; Su,PH 08:00-24:00', dateSource: '2020-05',
      urgencesHote: { id: 'su:300000023', nom: "Centre hospitalier d'Alès" }, // the SAE site of its FINESS number
    });
    expect(props(body, 'mmg:97410:mmg-de-saint-benoit').note).toMatch(/adossée aux urgences : probable \(GHER \(cité comme localisation\)\), non établi/);
  });

  it('says whether the Bouaye MMG is open, in Paris time, weekdays, Saturdays and public holidays', async () => {
    const at = async (instant: string) => props((await get(`/api/structures?departement=44&kind=MMG&instant=${encodeURIComponent(instant)}`)).body, BOUAYE).ouverture;
    expect(await at('2026-11-23T10:00:00+01:00')).toEqual({ etat: 'fermé', prochainChangement: '2026-11-23T19:00:00.000Z', prochainChangementLocal: '2026-11-23T20:00', fuseau: 'Europe/Paris', commentaire: null, horaires: 'renseignés' });
    expect((await at('2026-11-21T13:00:00+01:00')).etat).toBe('ouvert'); // a Saturday
    expect((await at('2026-11-11T10:00:00+01:00')).etat).toBe('ouvert'); // Armistice, a Wednesday
    expect((await at('2026-11-12T10:00:00+01:00')).etat).toBe('fermé');
  });

  it('gives every SAE emergency site of the fixture, the hand-listed ones merged in by FINESS number; Ancenis is closed at night', async () => {
    const { body } = await get('/api/structures?kind=SU&instant=2026-11-23T18:00:00%2B01:00');
    const deps = new Set((await get('/api/departements')).body.departements.map((d: any) => d.code));
    expect(body.total).toBe(saeSites().filter((s) => deps.has(s.departement)).length);
    const ancenis = props(body, 'su:440000396');
    expect(ancenis).toMatchObject({ nom: 'Centre hospitalier Erdre et Loire', precision: 'adresse', horaires: 'Mo-Su 08:30-17:00', ouverture: { etat: 'fermé' }, dateSource: '2023-02' });
    expect(ancenis.passagesParAn).toBe(16090);
    expect(ancenis.note).toMatch(/urgences fermées la nuit/);
    const reunion = body.features.filter((x: any) => x.properties.departement === '974');
    expect(reunion.map((x: any) => x.properties.ouverture.fuseau)).toEqual(['Indian/Reunion', 'Indian/Reunion', 'Indian/Reunion', 'Indian/Reunion']);
  });

  it('filters by région on the server: the union of its départements, nothing else', async () => {
    const { status, body } = await get('/api/structures?region=76');
    expect(status).toBe(200);
    const deps = (await get('/api/departements?region=76')).body.departements.map((d: any) => d.code);
    const union: string[] = [];
    for (const d of deps) union.push(...(await get(`/api/structures?departement=${d}`)).body.features.map((x: any) => x.id));
    expect(body.features.map((x: any) => x.id).sort()).toEqual(union.sort());
    // Haute-Garonne's 130 FINESS rows, the Alès MMG (Gard) and every SAE emergency site of the région.
    expect(body.total).toBe(131 + saeSites().filter((s) => deps.includes(s.departement)).length);
    expect(new Set(body.features.map((x: any) => x.properties.departement))).toEqual(new Set(deps));
    expect((await get('/api/structures?region=99')).status).toBe(404);
  });

  it('filters by bounding box and refuses an unknown kind in French', async () => {
    const { body } = await get('/api/structures?bbox=1.3,43.55,1.36,43.62&kind=MMG');
    expect(body.features.map((x: any) => x.properties.nom)).toEqual(['MMG COLOMIERS']);
    const bad = await get('/api/structures?kind=PHARMACIE');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].message).toBe('type(s) inconnu(s) : PHARMACIE (types : MSP, CDS, MMG, SU, CPTS_SIEGE, ESP, AUTRE)');
  });
});
