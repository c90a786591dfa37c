/**
 * Issue 22: a CPTS listing of a région imported as a new user would, on the région Provence-Alpes-Côte
 * d'Azur built by the production build (paca-build.ts). The listing (tests/fixtures/ars-listing/) has the
 * shape of the real one: no status at all, Marseille by arrondissement, Nice and Toulon listed by several
 * CPTS, Vauvenargues left out in the middle of covered communes. Through the API, with the editor token.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { booleanPointInPolygon } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { pacaDir } from '../helpers/paca-build';
import { REPO } from '../helpers/paths';

export const LISTING = join(REPO, 'tests/fixtures/ars-listing/cpts-paca-2026-01.csv');
const listing = () => readFileSync(LISTING);

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture({}, await pacaDir());
});
afterAll(() => f.close());

const TOKEN = { authorization: 'Bearer jeton-de-test' };
/** The COG list as shipped (@etalab/decoupage-administratif), read here apart from the build: the populations to check against. */
const COG = new Map(
  (JSON.parse(gunzipSync(readFileSync(join(inject('inputCache'), 'cog/communes.json.gz'))).toString('utf8')) as { code: string; type: string; population?: number; region?: string }[])
    .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal').map((c) => [c.code, c]),
);
const pop = (...codes: string[]) => codes.reduce((t, c) => t + COG.get(c)!.population!, 0);
/** The communes (and arrondissements) the listing names, each once. */
const listed = () => [...new Set(readFileSync(LISTING, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(';')[4]!))];
let imported: { status: number; body: any };
const post = async (url: string, body: Buffer | string) => {
  const res = await f.app.request(url, { method: 'POST', body: typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body), headers: TOKEN });
  return { status: res.status, body: (await res.json()) as any };
};

describe('a listing whose status column is empty (item 2)', () => {
  it('is imported: an empty status is « non renseigné », said once per CPTS as a warning, never a reject', async () => {
    const res = await post('/api/imports/cpts?nom=cpts-paca-2026-01.csv', listing());
    imported = res;
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
    expect(res.body.lignes).toEqual({ lues: 44, acceptees: 44, rejetees: 0 });
    const empty = res.body.avertissements.filter((w: any) => /statut/.test(w.message));
    expect(empty).toHaveLength(15);
    expect(empty[0]).toEqual({
      ligne: 2, ref: '13-MARSEILLE-CENTRE',
      message: 'statut vide : CPTS gardée avec le statut « non renseigné » (comptée parmi toutes les CPTS, pas dans les filtres « projet de santé » ni « ACI signé »)',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/inconnu/);
    const { body } = await f.get('/api/cpts?region=93');
    expect(body.total).toBe(15);
    expect(new Set(body.cpts.map((c: any) => c.statut))).toEqual(new Set(['non renseigné']));
  });

  it('counts those CPTS among all CPTS, not among those with a project or an ACI', async () => {
    const all = (await f.get('/api/coverage/cpts?territory=departement:06')).body;
    expect(all.cpts.map((c: any) => [c.id, c.statut])).toEqual([
      ['06-NICE-EST', 'non renseigné'], ['06-NICE-NORD', 'non renseigné'], ['06-NICE-OUEST', 'non renseigné'],
    ]);
    expect(all.statutsRetenus).toContain('non renseigné');
    const projet = (await f.get('/api/coverage/cpts?territory=departement:06&status=projet')).body;
    expect(projet.cpts).toEqual([]);
    expect(projet.population.couverte).toBe(0);
  });
});

describe('cities shared between CPTS (item 3)', () => {
  it('keeps Marseille\'s arrondissements as units: each CPTS counts its own, not the whole city', async () => {
    const warnings: string[] = imported.body.avertissements.map((w: any) => w.message);
    expect(warnings).toContain(
      '16 arrondissement(s) municipal(aux) de Marseille (13201, 13202, 13203, 13204, 13205, 13206, 13207, 13208, 13209, 13210, 13211, 13212, 13213, 13214, 13215, 13216) gardé(s) comme tel(s) : '
      + 'chacun compte pour sa CPTS avec sa propre population, Marseille n\'est pas comptée entière pour chacune ; la géographie n\'ayant pas le contour des arrondissements, la carte dessine Marseille entière, en couverture partielle',
    );
    expect(warnings.join('\n')).not.toMatch(/traduit en 13055/);
    const centre = (await f.get('/api/cpts/13-MARSEILLE-CENTRE')).body;
    expect(centre.cpts.population.calculee).toBe(pop('13201', '13207'));
    expect(centre.communes.map((c: any) => [c.code, c.arrondissementDe, c.population])).toEqual([['13201', '13055', pop('13201')], ['13207', '13055', pop('13207')]]);
    expect(centre.perimetreNote).toMatch(/Marseille : la CPTS n'en liste que des arrondissements, comptés pour leur population ; la géographie n'ayant pas leur contour, la carte dessine la commune entière\./);
    expect((await f.get('/api/cpts/13-MARSEILLE-NORD-EST')).body.cpts.population.calculee).toBe(pop('13213', '13214', '13002', '13075'));
  });

  it('counts Nice and Toulon once, « partagée entre N CPTS », each CPTS for its share: never more than the région\'s population', async () => {
    const warnings: string[] = imported.body.avertissements.map((w: any) => w.message);
    expect(warnings.find((w) => w.startsWith('commune 06088'))).toBe(
      'commune 06088 (Nice) listée par 3 CPTS (06-NICE-EST, 06-NICE-NORD, 06-NICE-OUEST) sans couverture précisée : comptée partagée entre elles (couverture « partielle »), '
      + 'sa population une seule fois ; écrivez « entière » pour chacune s\'il s\'agit d\'un chevauchement',
    );
    expect(warnings.some((w) => w.startsWith('commune 83137 (Toulon) listée par 2 CPTS'))).toBe(true);
    const nice = await Promise.all(['06-NICE-EST', '06-NICE-NORD', '06-NICE-OUEST'].map(async (id) => (await f.get(`/api/cpts/${id}`)).body));
    const shares = nice.map((b) => b.communes.find((c: any) => c.code === '06088'));
    expect(shares.map((c) => [c.partageeEntre, c.couverture])).toEqual([[3, 'partielle'], [3, 'partielle'], [3, 'partielle']]);
    expect(shares.reduce((t, c) => t + c.populationComptee, 0)).toBe(pop('06088'));
    for (const [i, b] of nice.entries()) {
      expect(b.cpts.population.dontCommunesPartagees).toBe(shares[i].populationComptee);
      expect(b.cpts.communes.partagees).toBe(1);
      expect(b.chevauchements).toEqual([]);
      expect(b.partages.map((p: any) => [p.id, p.communes])).toEqual(['06-NICE-EST', '06-NICE-NORD', '06-NICE-OUEST'].filter((id) => id !== b.cpts.id).map((id) => [id, ['06088']]));
    }
    // The CPTS of the région add up to the population they cover, each commune and arrondissement once — below the région's.
    const all = (await f.get('/api/cpts?region=93')).body.cpts;
    const sum = all.reduce((t: number, c: any) => t + c.population.calculee, 0);
    const region = [...COG.values()].filter((c) => c.type === 'commune-actuelle' && c.region === '93').reduce((t, c) => t + c.population!, 0);
    expect(sum).toBe(pop(...listed()));
    expect(sum).toBeLessThanOrEqual(region);
  });

  it('is no overlap: once the lists are declared complete, Nice and Toulon are shared, Marseille counted by arrondissement, nothing in overlap', async () => {
    const declared = await post('/api/imports/liste-complete?liste_complete=06,13,83&liste=cpts&complete_au=2026-01-31&source=liste%20ARS%20PACA%20de%20test', '');
    expect(declared.status).toBe(201);
    const alpes = (await f.get('/api/coverage/cpts?territory=departement:06&date=2026-02-01')).body;
    expect(alpes.chevauchements).toEqual([]);
    expect(alpes.partagees).toEqual([{
      code: '06088', nom: 'Nice', population: pop('06088'), partageeEntre: 3, arrondissementDe: null,
      cpts: [{ id: '06-NICE-EST', nom: 'CPTS Nice Est' }, { id: '06-NICE-NORD', nom: 'CPTS Nice Nord' }, { id: '06-NICE-OUEST', nom: 'CPTS Nice Ouest' }],
    }]);
    expect(alpes.population.couverte).toBe(pop(...listed().filter((c) => c.startsWith('06'))));
    expect(alpes.cpts.reduce((t: number, c: any) => t + c.populationTotal, 0)).toBe(alpes.population.couverte);
    expect((await f.get('/api/coverage/cpts?territory=departement:83&date=2026-02-01')).body.partagees.map((p: any) => [p.code, p.partageeEntre])).toEqual([['83137', 2]]);
    const bdr = (await f.get('/api/coverage/cpts?territory=departement:13&date=2026-02-01')).body;
    expect(bdr.chevauchements).toEqual([]);
    expect(bdr.partagees).toEqual([]);
    expect(bdr.communes.arrondissements).toBe(16);
    expect(bdr.zonesBlanches.map((z: any) => z.code)).not.toContain('13055');
    expect(bdr.population.totale).toBe(bdr.territoire.population);
    expect(bdr.population.couverte).toBe(pop(...listed().filter((c) => c.startsWith('13'))));
    const region = (await f.get('/api/coverage/cpts?territory=region:93&date=2026-02-01')).body;
    expect(region.cpts.reduce((t: number, c: any) => t + c.populationTotal, 0)).toBe(region.population.couverte);
    expect(region.population.couverte).toBeLessThanOrEqual(region.population.totale);
  });

  it('draws Marseille once, as covered in part — not each CPTS as the whole city, nor an overlap or a zone blanche over it', async () => {
    const map = (await f.get('/api/coverage/cpts/carte?territory=departement:13&date=2026-02-01')).body;
    const features = map.couches.features as any[];
    const [lon, lat] = Object.values((await f.db.all<{ lon: number; lat: number }>("SELECT label_lon AS lon, label_lat AS lat FROM communes WHERE code = '13055'"))[0]!);
    const over = (couche: string) => features.filter((x) => x.properties.couche === couche && x.geometry && booleanPointInPolygon([lon!, lat!], x.geometry)).map((x) => x.properties.id);
    expect(over('partielle')).toEqual(['13055']);
    expect(over('chevauchement')).toEqual([]);
    expect(over('zone_blanche')).toEqual([]);
    expect(over('cpts')).toEqual([]);
    // A CPTS with communes besides its arrondissements is drawn by those communes, with its own population.
    expect(features.find((x) => x.properties.id === '13-MARSEILLE-NORD-EST').properties.population).toBe(pop('13213', '13214', '13002', '13075'));
  });

  it('lists on a Marseille CPTS page none of the city\'s emergency sites as its own: their arrondissement is not known', async () => {
    const { body } = await f.get('/api/cpts/13-MARSEILLE-CENTRE/acces-snp');
    expect(body.offresSurTerritoire).toEqual([]);
    expect(body.offresDesVillesEnPartie.filter((o: any) => o.type === 'SU').length).toBeGreaterThan(0);
    expect(body.offresDesVillesEnPartie.every((o: any) => o.commune === '13055')).toBe(true);
    expect(body.population).toBe(pop('13201', '13207'));
  });
});

describe('an enclave (item 6)', () => {
  it('makes Vauvenargues a zone blanche like the others, listed as enclosed by the CPTS around it (across the Var border too)', async () => {
    const bdr = (await f.get('/api/coverage/cpts?territory=departement:13&date=2026-02-01')).body;
    expect(bdr.zonesBlanches).toContainEqual({ code: '13111', nom: 'Vauvenargues', departement: '13', population: pop('13111') });
    expect(bdr.zonesBlanchesEnclavees).toEqual([{
      code: '13111', nom: 'Vauvenargues', departement: '13', population: pop('13111'),
      voisines: ['13012', '13048', '13059', '13074', '13079', '13090', '13095', '83104'],
      cpts: [{ id: '13-PAYS-AIX', nom: 'CPTS du Pays d\'Aix' }, { id: '83-RIANS', nom: 'CPTS Provence Verte Nord' }],
    }]);
    const text = await (await f.app.request('/api/coverage/cpts?territory=departement:13&date=2026-02-01&format=csv&table=zones-blanches')).text();
    const rows = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    expect(rows[0]).toEqual(['code_commune', 'nom', 'departement', 'population', 'enclavee']);
    expect(rows.filter((r) => r[4] === 'oui').map((r) => r[0])).toEqual(['13111']);
    // Drawn hatched with the others.
    const map = (await f.get('/api/coverage/cpts/carte?territory=departement:13&date=2026-02-01')).body;
    const blank = map.couches.features.find((x: any) => x.properties.couche === 'zone_blanche');
    const [row] = await f.db.all<{ lon: number; lat: number }>("SELECT label_lon AS lon, label_lat AS lat FROM communes WHERE code = '13111'");
    expect(booleanPointInPolygon([row!.lon, row!.lat], blank.geometry)).toBe(true);
  });
});
