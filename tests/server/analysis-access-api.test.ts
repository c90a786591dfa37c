/** GET /api/access/snp, /api/access/2sfca and /api/indicators on the fixture and its embedded default care offer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../server/src/analysis/distance';
import { followsRightHandRule } from '../../server/src/geo/rewind';
import { analysisFixture, type AnalysisFixture } from '../helpers/analysis-fixture';
import { insertRows } from '../helpers/curated-care';
import { saeSites } from '../helpers/sae-sites';

let f: AnalysisFixture;
beforeAll(async () => {
  f = await analysisFixture();
});
afterAll(() => f.close());

const csvLines = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
const saeIn = (deps: string[]) => saeSites().filter((s) => deps.includes(s.departement)).length;
const FIXTURE_DEPS = ['974', '75', '77', '78', '91', '92', '93', '94', '95', '44', '49', '53', '72', '85', '09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'];

describe('GET /api/access/snp', () => {
  it('gives every commune of La Réunion its nearest SNP offer, bands that add up, and says distances are estimated', async () => {
    const { status, body } = await f.get('/api/access/snp?territory=departement:974');
    expect(status).toBe(200);
    expect(body.offres.parType).toMatchObject({ MMG: 17, SU: saeIn(FIXTURE_DEPS) });
    expect(body.parCommune).toHaveLength(24);
    expect(body.bandes.reduce((s: number, b: any) => s + b.population, 0)).toBe(body.territoire.population);
    expect(body.methode).toMatchObject({ type: 'estimation', coefficientDetour: 1.3 });
    expect(body.methode.description).toMatch(/Aucun réseau routier/);
    const stPierre = body.parCommune.find((c: any) => c.code === '97416');
    expect(stPierre.distanceVolOiseauKm).toBe(0);
    expect(stPierre.bande).toBe('0–10 km');
  });

  it('at 21:00 on a Monday in Paris keeps Bouaye and the SU open at night; Ancenis closes, unknown hours are set aside', async () => {
    const at = encodeURIComponent('2026-11-23T21:00:00+01:00');
    const { body } = await f.get(`/api/access/snp?territory=departement:44&at=${at}`);
    expect(body.instant).toBe('2026-11-23T20:00:00.000Z');
    expect(body.offres).toMatchObject({ fermees: 1, horairesInconnusEcartees: 15, politiqueHorairesInconnus: 'exclude' });
    const ancenis = body.parCommune.find((c: any) => c.code === '44003');
    expect(ancenis.offre.nom).not.toBe('Centre hospitalier Erdre et Loire');
    expect(ancenis.distanceRouteKm).toBeGreaterThan(10);
    const day = (await f.get('/api/access/snp?territory=departement:44')).body.parCommune.find((c: any) => c.code === '44003');
    expect(day.offre.nom).toBe('Centre hospitalier Erdre et Loire');
    const inclusive = (await f.get(`/api/access/snp?territory=departement:44&at=${at}&unknownHours=include`)).body;
    expect(inclusive.offres.horairesInconnusComptees).toBe(15);
  });

  it('says « non renseigné » rather than « à plus de 20 km » or « SU sans MMG » while the lists of 44 are not declared complete', async () => {
    const { body } = await f.get('/api/access/snp?territory=departement:44&thresholdKm=20&suMmgKm=10');
    expect(body.auDelaDuSeuil.liste).toEqual([]);
    const far = body.parCommune.filter((c: any) => c.distanceRouteKm === null || c.distanceRouteKm > 20);
    expect(far.length).toBeGreaterThan(0);
    expect(far.every((c: any) => c.bande === 'non renseigné' && c.distanceMaximale)).toBe(true);
    expect(body.nonRenseigne).toEqual({ communes: far.length, population: far.reduce((s: number, c: any) => s + c.population, 0) });
    expect(body.suSansMmg.liste).toEqual([]);
    expect(body.suSansMmg.nonRenseignes).toBe(saeIn(['44']));
    expect(body.completude.snp.phrase).toBe('aucun département à liste complète : distance « à plus de 20 km » calculée impossible, 1 département non renseigné');
  });

  it('lists communes beyond the threshold and SU with no MMG nearby once the lists of 44 are declared complete, checked against the offers themselves', async () => {
    const base = { complete_on: '2026-11-01', declared_by: 'test', source: 'test', demo: false, import_id: 'import-test' };
    await insertRows(f.db, { completeness: [{ departement: '44', list_kind: 'snp', ...base }, { departement: '44', list_kind: 'mmg', ...base }] });
    const { body } = await f.get('/api/access/snp?territory=departement:44&thresholdKm=20&suMmgKm=10');
    expect(body.auDelaDuSeuil.seuilKm).toBe(20);
    expect(body.auDelaDuSeuil.liste.length).toBeGreaterThan(0);
    expect(body.auDelaDuSeuil.liste.every((c: any) => c.distanceRouteKm > 20)).toBe(true);
    expect(body.auDelaDuSeuil.population).toBe(body.auDelaDuSeuil.liste.reduce((s: number, c: any) => s + c.population, 0));
    expect(body.nonRenseigne).toEqual({ communes: 0, population: 0 });
    expect(body.completude.snp.departementsComplets).toEqual([{ code: '44', nom: 'Loire-Atlantique', date: '2026-11-01', population: body.territoire.population }]);
    // Brute force: every SU of 44 whose nearest MMG (anywhere) is farther than 10 km by road (× 1.3).
    const structures = (await f.get('/api/structures')).body.features;
    const mmg = structures.filter((s: any) => s.properties.categorie === 'MMG');
    const expected = structures.filter((s: any) => s.properties.categorie === 'SU' && s.properties.departement === '44').filter((su: any) =>
      mmg.every((m: any) => haversineKm(su.geometry.coordinates[0], su.geometry.coordinates[1], m.geometry.coordinates[0], m.geometry.coordinates[1]) * 1.3 > 10));
    expect(body.suSansMmg.liste.map((s: any) => s.id).sort()).toEqual(expected.map((s: any) => s.id).sort());
    expect(body.suSansMmg.liste.map((s: any) => s.nom)).toContain('CHU de Nantes');
    expect(body.suSansMmg.nonRenseignes).toBe(0);
  });

  it('exports communes as CSV and GeoJSON (polygons and offer points)', async () => {
    const csv = await f.get('/api/access/snp?territory=departement:974&format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/acces-snp_departement-974_\d{4}-\d{2}-\d{2}\.csv/);
    const lines = csvLines(csv.text);
    expect(lines).toHaveLength(25);
    expect(lines[0]).toBe('code_commune;nom;departement;population;distance_vol_oiseau_km;distance_route_estimee_km;bande;au_dela_du_seuil;distance_maximale;offre_id;offre_nom;offre_type;offre_commune;coefficient_detour');
    expect(lines.find((l) => l.startsWith('97416;'))).toMatch(/;0;0;0–10 km;non;oui;.*;1,3$/);
    const su = csvLines((await f.get('/api/access/snp?territory=departement:44&format=csv&table=su-sans-mmg')).text);
    const suJson = (await f.get('/api/access/snp?territory=departement:44')).body.suSansMmg.liste;
    expect(su).toHaveLength(1 + suJson.length);
    const geo = (await f.get('/api/access/snp?territory=departement:974&format=geojson')).body;
    const communes = geo.features.filter((x: any) => x.properties.couche === 'commune');
    expect(communes).toHaveLength(24);
    expect(communes.every((x: any) => followsRightHandRule(x.geometry))).toBe(true);
    expect(geo.crs).toBeUndefined();
    expect(geo.features.filter((x: any) => x.properties.couche === 'offre').map((x: any) => x.geometry.type)).toEqual(Array(4 + saeIn(['974'])).fill('Point'));
  });

  it('refuses an instant without time zone, a negative threshold and an unknown policy, in French', async () => {
    const noZone = await f.get('/api/access/snp?territory=france&at=2026-11-23T21:00');
    expect(noZone.status).toBe(400);
    expect(noZone.body.error.issues[0].message).toMatch(/avec son fuseau/);
    expect((await f.get('/api/access/snp?territory=france&thresholdKm=-3')).body.error.issues[0].message).toBe('seuil : entre 0 et 200 km');
    expect((await f.get('/api/access/snp?territory=france&unknownHours=maybe')).status).toBe(400);
  });
});

describe('GET /api/access/2sfca', () => {
  it('gives Haute-Garonne a population-weighted index, per EPCI and per commune', async () => {
    const { status, body } = await f.get('/api/access/2sfca?territory=departement:31');
    expect(status).toBe(200);
    expect(body.parCommune).toHaveLength(586);
    expect(body.niveau).toBe('epci');
    const weighted = body.parCommune.reduce((s: number, c: any) => s + c.population * c.indice, 0) / body.population;
    expect(body.indice).toBeCloseTo(weighted, 2);
    expect(body.methode.bandes).toEqual([{ jusquAKm: 10, poids: 1 }, { jusquAKm: 15, poids: 0.6667 }, { jusquAKm: 20, poids: 0.3333 }]);
    expect(body.methode.source).toMatch(/DREES/);
  });

  it('takes custom bands and refuses malformed ones', async () => {
    const custom = (await f.get('/api/access/2sfca?territory=departement:31&bands=5:1,30:0.5&detourFactor=1.2')).body;
    expect(custom.parametres).toEqual({ bands: [{ jusquAKm: 5, poids: 1 }, { jusquAKm: 30, poids: 0.5 }], detourFactor: 1.2, capacity: 'offre' });
    const bad = await f.get('/api/access/2sfca?territory=departement:31&bands=20:1,10:1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].message).toMatch(/distances croissantes/);
    const csv = csvLines((await f.get('/api/access/2sfca?territory=departement:31&format=csv&table=sous-territoires')).text);
    expect(csv[0]).toBe('niveau;code;nom;population;indice_pour_100000');
  });
});

describe('GET /api/access/2sfca: known vs not known, capacity by yearly visits', () => {
  it('calls a zero index « non renseigné » where the SNP offer list of the département is not complete', async () => {
    const { body } = await f.get('/api/access/2sfca?territory=region:76');
    const zero = body.parCommune.filter((c: any) => c.indice === 0);
    expect(zero.length).toBeGreaterThan(0);
    expect(zero.every((c: any) => c.etat === 'non_renseigne')).toBe(true);
    expect(body.communesSansAcces).toEqual({ communes: 0, population: 0 });
    expect(body.nonRenseigne.communes).toBe(zero.length);
    expect(body.completude.phrase).toMatch(/^aucun département à liste complète : « sans accès » \(indice nul\) calculé impossible/);
  });

  it('weighs emergency sites by their SAE visits over the median on request: a CHU counts for more than a small site', async () => {
    const offer = (await f.get('/api/access/2sfca?territory=departement:44')).body;
    const visits = (await f.get('/api/access/2sfca?territory=departement:44&capacity=passages')).body;
    expect(visits.parametres.capacity).toBe('passages');
    expect(visits.methode.source).toMatch(/passages annuels \(SAE 2021, DREES\) rapportés à la médiane/);
    const nantes = (b: any) => b.parCommune.find((c: any) => c.code === '44109').indice;
    expect(nantes(visits)).toBeGreaterThan(nantes(offer)); // CHU de Nantes: ~113 000 visits, far above the median
    expect((await f.get('/api/access/2sfca?territory=departement:44&capacity=lits')).status).toBe(400);
  });
});

describe('GET /api/indicators', () => {
  it('counts MSP, CDS, MMG and SU of Occitanie by département, per 10 000 inhabitants', async () => {
    const { body } = await f.get('/api/indicators?territory=region:76');
    const occitanie = ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'];
    expect(body.offre.total).toMatchObject({ nom: 'Occitanie', nombre: { MSP: 59, CDS: 60, MMG: 12, SU: saeIn(occitanie) } });
    expect(body.offre.lignes.find((l: any) => l.code === '31').nombre).toEqual({ MSP: 59, CDS: 60, MMG: 11, SU: saeIn(['31']) });
    expect(body.structures).toBeUndefined();
    // The default deploys the six SNP protocols in demonstration structures and CPTS of Haute-Garonne.
    expect(body.protocoles.deploiements).toBe(24);
    expect(body.donneesDemonstration).toBe(true);
    expect(body.protocoles.communesAtteintes.communes).toBeGreaterThan(0);
    const real = (await (await f.appWithoutDemo.request('/api/indicators?territory=region:76')).json()) as any;
    expect(real.protocoles).toMatchObject({ deploiements: 0, communesAtteintes: { communes: 0, population: 0 } });
    expect(real.offre.total.nombre).toEqual(body.offre.total.nombre);
  });

  it('badges demonstration data only where the territory asked has some (issue 22, item 4)', async () => {
    // The demonstration CPTS and deployments are all in Haute-Garonne: Loire-Atlantique and Paris have none.
    for (const t of ['departement:44', 'region:52', 'departement:75']) {
      expect((await f.get(`/api/indicators?territory=${t}`)).body.donneesDemonstration, t).toBe(false);
    }
    expect((await f.get('/api/indicators?territory=departement:31')).body.donneesDemonstration).toBe(true);
    expect((await f.get('/api/indicators?territory=france')).body.donneesDemonstration).toBe(true);
  });

  it('says « non renseigné » (null), never 0, for a kind of structure no row is known of in the département (issue 22, item 5)', async () => {
    // Loire-Atlantique: one MMG and the SAE emergency sites are known, no MSP and no centre de santé.
    const { body } = await f.get('/api/indicators?territory=departement:44');
    expect(body.offre.total.nombre).toEqual({ MSP: null, CDS: null, MMG: 1, SU: saeIn(['44']) });
    expect(body.offre.total.pour10000.MSP).toBeNull();
    expect(body.offre.total.pour10000.MMG).toBeGreaterThan(0);
    expect(body.offre.nonRenseigne).toEqual({ MSP: ['44'], CDS: ['44'], MMG: [], SU: [] });
    expect(body.offre.lignes.every((l: any) => l.nombre.MSP === null && l.nombre.MMG !== null)).toBe(true);
    // Occitanie: MSP known in Haute-Garonne alone, counted there, and the rate is on its population only.
    const occ = (await f.get('/api/indicators?territory=region:76')).body;
    const pop31 = f.table.list.filter((c) => c.departement === '31').reduce((t, c) => t + c.population, 0);
    expect(occ.offre.total.nombre.MSP).toBe(59);
    expect(occ.offre.total.pour10000.MSP).toBeCloseTo((59 / pop31) * 10_000, 3);
    expect(occ.offre.lignes.find((l: any) => l.code === '11').nombre).toMatchObject({ MSP: null, CDS: null, MMG: null });
    expect(occ.offre.nonRenseigne.MMG).toEqual(['09', '11', '12', '32', '34', '46', '48', '65', '66', '81', '82']);
    const csv = csvLines((await f.get('/api/indicators?territory=departement:44&format=csv')).text);
    expect(csv.at(-1)).toMatch(new RegExp(`^total;44;Loire-Atlantique;\\d+;non renseigné;non renseigné;1;${saeIn(['44'])};non renseigné;non renseigné;`));
  });

  it('exports the offer table with a total row, and the sub-territories as GeoJSON with structure points', async () => {
    const csv = csvLines((await f.get('/api/indicators?territory=departement:31&format=csv')).text);
    expect(csv[0]).toBe('niveau;code;nom;population;MSP;CDS;MMG;SU;MSP_pour_10000_hab;CDS_pour_10000_hab;MMG_pour_10000_hab;SU_pour_10000_hab');
    expect(csv.at(-1)).toMatch(new RegExp(`^total;31;Haute-Garonne;\\d+;59;60;11;${saeIn(['31'])};`));
    const geo = (await f.get('/api/indicators?territory=departement:31&format=geojson')).body;
    expect(geo.features.filter((x: any) => x.properties.couche === 'structure')).toHaveLength(130 + saeIn(['31']));
    expect(geo.features.filter((x: any) => x.properties.couche === 'epci').every((x: any) => x.geometry.type === 'MultiPolygon')).toBe(true);
  });
});
