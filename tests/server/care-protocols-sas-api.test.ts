/**
 * GET /api/protocols, /api/protocols/:id/deployments and /api/sas on the fixture database: the six
 * national SNP protocols as sourced, their demonstration deployments (labelled, hidden when the
 * setting is off), and the SAS of every département — « non renseigné » where no source says.
 */
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

describe('GET /api/protocols', () => {
  it('lists the six national SNP protocols of 2020 as the sources word them', async () => {
    const { body } = await get('/api/protocols');
    expect(body.protocoles.map((p: any) => p.id)).toEqual([
      'SNP-ENTORSE-CHEVILLE', 'SNP-ERUPTION-VESICULEUSE', 'SNP-LOMBALGIE', 'SNP-ODYNOPHAGIE', 'SNP-POLLAKIURIE', 'SNP-RHINOCONJONCTIVITE',
    ]);
    const odynophagie = body.protocoles.find((p: any) => p.id === 'SNP-ODYNOPHAGIE');
    expect(odynophagie).toMatchObject({
      cadre: 'national', soinsNonProgrammes: true, delegants: ['médecin'], delegues: ["pharmacien d'officine", "infirmier diplômé d'État"],
      autorisation: '2020', revision: '2023-03-09', demonstration: false,
    });
    expect(body.protocoles.find((p: any) => p.id === 'SNP-LOMBALGIE').delegues).toEqual(['masseur-kinésithérapeute']);
    expect(body.protocoles.reduce((s: number, p: any) => s + p.deploiements.dontDemonstration, 0)).toBe(24);
    expect(body.donneesDemonstration).toBe(true);
  });

  it('counts no deployment when the demonstration is off: none is known from open data', async () => {
    const { body } = await get('/api/protocols', noDemo);
    expect(body.protocoles).toHaveLength(6);
    expect(body.protocoles.every((p: any) => p.deploiements.total === 0)).toBe(true);
    expect(body.donneesDemonstration).toBe(false);
  });
});

describe('GET /api/protocols/:id/deployments', () => {
  it('gives the demonstration deployments of the pollakiurie protocol, in MSP and CPTS, labelled', async () => {
    const { body } = await get('/api/protocols/SNP-POLLAKIURIE/deployments');
    expect(body.protocole.id).toBe('SNP-POLLAKIURIE');
    expect(body.deploiements.every((d: any) => d.demonstration && d.source === 'démonstration')).toBe(true);
    expect(body.deploiements.filter((d: any) => d.cpts).map((d: any) => d.cpts.statut)).toEqual(['ACI signé', 'ACI signé', 'ACI signé', 'ACI signé']);
    const inMsp = body.deploiements.filter((d: any) => d.structure);
    expect(inMsp.length).toBeGreaterThan(0);
    expect(inMsp.every((d: any) => d.structure.categorie === 'MSP' && d.structure.departement === '31')).toBe(true);
    expect((await get('/api/protocols/SNP-POLLAKIURIE/deployments', noDemo)).body).toMatchObject({ deploiements: [], donneesDemonstration: false });
  });

  it('answers 404 for an unknown protocol', async () => {
    expect((await get('/api/protocols/SNP-PLAIE-SIMPLE/deployments')).body.error.message).toBe('Protocole « SNP-PLAIE-SIMPLE » inconnu.');
  });
});

describe('GET /api/sas', () => {
  it('gives every département of the database, « non renseigné » where no source says', async () => {
    const { body } = await get('/api/sas');
    expect(body.departements).toHaveLength(27);
    expect(body.parStatut).toEqual({ opérationnel: 2, 'en préparation': 0, pilote: 7, aucun: 0, 'non renseigné': 18 });
    expect(body.contexte).toMatch(/^Au 1er octobre 2024, 89 SAS étaient opérationnels/);
  });

  it('maps the pilot list honestly: Haute-Garonne started in 2021, Loire-Atlantique is a 2020 pilot, Maine-et-Loire is not informed', async () => {
    const { body } = await get('/api/sas?region=52');
    expect(body.departements.map((d: any) => [d.code, d.statut, d.dateDebut])).toEqual([
      ['44', 'pilote', null], ['49', 'non renseigné', null], ['53', 'non renseigné', null], ['72', 'non renseigné', null], ['85', 'opérationnel', '2023-04-27'],
    ]);
    const haute = (await get('/api/sas?region=76')).body.departements.find((d: any) => d.code === '31');
    expect(haute).toMatchObject({ statut: 'opérationnel', renseigne: true, dateDebut: '2021', precisionDate: 'démarrage partiel : 2021 (fin du printemps)', filieres: [] });
    expect(haute.source).toMatch(/https:\/\/medecin-occitanie\.org\/\?p=10680$/);
    expect(body.departements.find((d: any) => d.code === '49')).toMatchObject({ renseigne: false, source: null, demonstration: false });
  });
});
