/**
 * GET /api/cpts and /api/cpts/:id on the fixture database: the sourced CPTS with only the communes
 * their sources name, declared vs computed population, perimeters dissolved from the topology,
 * and the Haute-Garonne demonstration territories — labelled, and hidden when the setting is off.
 */
import { area } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';

let f: FixtureApp;
let noDemo: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp();
  noDemo = await fixtureApp({ config: { demo: false } });
});
afterAll(() => {
  f.close();
  noDemo.close();
});

const get = (url: string, app = f) => app.get(url);
const population = async (codes: string[]) =>
  (await f.db.all<{ p: number }>(`SELECT sum(population)::INTEGER AS p FROM communes WHERE code IN (${codes.map((c) => `'${c}'`).join(',')})`))[0]!.p;

describe('GET /api/cpts', () => {
  it('gives the two sourced CPTS of Loire-Atlantique, declared vs computed population', async () => {
    const { status, body } = await get('/api/cpts?departement=44');
    expect(status).toBe(200);
    expect(body.cpts.map((c: any) => c.id)).toEqual(['PDL-44-ERDRE-ET-CENS', 'PDL-44-NANTES-GRAND-OUEST']);
    const ngo = body.cpts[1];
    expect(ngo).toMatchObject({ nom: 'CPTS Nantes Grand Ouest', statut: 'ACI signé', dateStatut: '2024-10-15', communes: { total: 4, entieres: 3, partielles: 1 }, demonstration: false });
    expect(ngo.population).toEqual({
      declaree: 175000, calculee: await population(['44109', '44047', '44074', '44162']), dontCommunesPartielles: await population(['44109']), dontCommunesPartagees: 0,
      ecart: (await population(['44109', '44047', '44074', '44162'])) - 175000,
    });
    expect(ngo.source).toBe('https://euro.dayfr.com/local/2204802.html');
    expect(body.cpts[0]).toMatchObject({ population: { declaree: null, calculee: await population(['44114', '44035', '44194']) }, siege: { commune: '44114', nom: 'Orvault' } });
    expect(body.donneesDemonstration).toBe(false);
  });

  it('lists the Maine-et-Loire CPTS whose sources give no commune, territory not informed (Grand Saumurois not inferred)', async () => {
    const { body } = await get('/api/cpts?departement=49');
    expect(body.cpts.map((c: any) => [c.id, c.territoireRenseigne, c.population.calculee])).toEqual([
      ['PDL-49-CHOLETAIS', false, null], ['PDL-49-GRAND-SAUMUROIS', false, null], ['PDL-49-VALLEES-ANJOU-BLEU', false, null],
    ]);
    expect(body.cpts[1]).toMatchObject({ population: { declaree: 103000 }, territoire: "les 45 communes du Grand Saumurois (texte (communes non listées dans l'extrait))" });
  });

  it('labels the eight demonstration CPTS of Haute-Garonne and filters them by status', async () => {
    const { body } = await get('/api/cpts?departement=31');
    expect(body.total).toBe(8);
    expect(body.donneesDemonstration).toBe(true);
    expect(body.cpts.every((c: any) => c.demonstration && c.source === 'démonstration' && c.nom.endsWith('(démonstration)'))).toBe(true);
    expect(body.cpts.find((c: any) => c.id === 'DEMO-31-243100518')).toMatchObject({ nom: 'CPTS Toulouse Métropole (démonstration)', statut: 'ACI signé', communes: { total: 37 } });
    const pre = await get('/api/cpts?departement=31&statut=pre-projet');
    expect(pre.body.cpts.map((c: any) => c.nom)).toEqual(['CPTS CA Le Muretain Agglo (démonstration)', 'CPTS CC Coeur et Coteaux du Comminges (démonstration)']);
  });

  it('hides the demonstration CPTS when the setting is off', async () => {
    const { body } = await get('/api/cpts?departement=31', noDemo);
    expect(body).toMatchObject({ cpts: [], total: 0, donneesDemonstration: false });
    expect((await get('/api/cpts/DEMO-31-243100518', noDemo)).status).toBe(404);
    expect((await get('/api/cpts?region=52', noDemo)).body.total).toBe(5);
  });

  it('answers 400 for an unknown status and 404 for an unknown département', async () => {
    const bad = await get('/api/cpts?statut=signée');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].message).toBe('statut de CPTS « signée » inconnu (valeurs : pré-projet, projet de santé, ACI signé)');
    expect((await get('/api/cpts?departement=99')).status).toBe(404);
  });
});

describe('GET /api/cpts/:id', () => {
  it('gives the communes of the CPTS Grand Sud Réunion and its perimeter, dissolved exactly', async () => {
    const { body } = await get('/api/cpts/REU-974-GRAND-SUD');
    expect(body.communes.map((c: any) => [c.code, c.nom, c.couverture])).toEqual([
      ['97405', 'Petite-Île', 'entière'], ['97412', 'Saint-Joseph', 'entière'], ['97417', 'Saint-Philippe', 'entière'],
    ]);
    expect(body.perimetre.type).toBe('MultiPolygon');
    expect(body.perimetre.coordinates).toHaveLength(1);
    const [{ km2 }] = (await f.db.all<{ km2: number }>("SELECT sum(area_km2) AS km2 FROM communes WHERE code IN ('97405', '97412', '97417')")) as [{ km2: number }];
    expect(area({ type: 'Feature', properties: {}, geometry: body.perimetre }) / 1e6).toBeCloseTo(km2, 0);
    expect(body.cpts.population).toMatchObject({ declaree: 55100, calculee: await population(['97405', '97412', '97417']) });
  });

  it('draws Erdre et Cens in two pieces (Sautron does not touch the others)', async () => {
    const { body } = await get('/api/cpts/PDL-44-ERDRE-ET-CENS');
    expect(body.perimetre.coordinates).toHaveLength(2);
  });

  it('says the territory is not informed when no commune is listed, and 404 for an unknown CPTS', async () => {
    const { body } = await get('/api/cpts/PDL-49-GRAND-SAUMUROIS');
    expect(body).toMatchObject({ communes: [], perimetre: null, perimetreNote: 'Territoire non renseigné : les sources ne listent pas les communes de cette CPTS.' });
    const missing = await get('/api/cpts/INCONNUE');
    expect(missing).toEqual({ status: 404, body: { error: { code: 'introuvable', message: 'CPTS « INCONNUE » inconnue.', issues: [] } } });
  });
});
