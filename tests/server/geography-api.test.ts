/** The geography endpoints on the fixture database (régions 04, 11, 52, 76), through app.request(). */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp();
});
afterAll(() => f.close());

const get = (url: string) => f.get(url);

describe('health and territories', () => {
  it('says the API is up, with the COG millésime and the commune count', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, millesime: 2026, communes: 24 + 1266 + 1228 + 4446, perimetre: '04,11,52,76' });
  });

  it('lists the régions of the database with their population', async () => {
    const { body } = await get('/api/regions');
    expect(body.regions.map((r: any) => r.code)).toEqual(['04', '11', '52', '76']);
    expect(body.regions.find((r: any) => r.code === '04')).toMatchObject({ nom: 'La Réunion', population: 889679, communes: 24 });
    expect(body.source.millesime).toBe(2026);
  });

  it('lists the départements of a région', async () => {
    const { body } = await get('/api/departements?region=52');
    expect(body.departements.map((d: any) => d.code)).toEqual(['44', '49', '53', '72', '85']);
    expect(body.departements[0]).toMatchObject({ nom: 'Loire-Atlantique', population: 1487570, communes: 207, regionNom: 'Pays de la Loire' });
  });

  it('answers 404 in French for an unknown région and 400 for a malformed one', async () => {
    expect(await get('/api/departements?region=99')).toEqual({ status: 404, body: { error: { code: 'introuvable', message: 'Région 99 inconnue.', issues: [] } } });
    const bad = await get('/api/departements?region=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toEqual({ path: 'region', message: 'un code de région a 2 chiffres (ex. 52)' });
  });
});

describe('GET /api/communes', () => {
  it('returns the 207 communes of Loire-Atlantique as GeoJSON with their properties', async () => {
    const { status, body } = await get('/api/communes?departement=44');
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(207);
    const nantes = body.features.find((x: any) => x.properties.code === '44109');
    expect(nantes.properties).toMatchObject({ code: '44109', nom: 'Nantes', departement: '44', region: '52', epci: '244400404', population: 327734 });
    expect(nantes.geometry.type).toMatch(/Polygon/);
  });

  it('returns the communes of a région and those meeting a bounding box', async () => {
    expect((await get('/api/communes?region=04')).body.features).toHaveLength(24);
    const around = await get('/api/communes?bbox=-1.56,47.2,-1.53,47.23');
    expect(around.body.features.map((x: any) => x.properties.code)).toContain('44109');
  });

  it('includes a commune without own polygon with a null geometry and its container', async () => {
    const vendee = await get('/api/communes?departement=85');
    const oie = vendee.body.features.find((x: any) => x.properties.code === '85165');
    expect(oie).toMatchObject({ geometry: null, properties: { nom: "L'Oie", contenue_dans: '85084' } });
  });

  it('refuses zero or two filters, and an oversized box', async () => {
    for (const url of ['/api/communes', '/api/communes?departement=44&region=52', '/api/communes?bbox=-5,41,9,51']) {
      const { status, body } = await get(url);
      expect(status).toBe(400);
      expect(body.error.code).toBe('requete_invalide');
      expect(body.error.message).toMatch(/Paramètres invalides/);
    }
  });
});

describe('GET /api/communes/:code', () => {
  it('gives the commune with its département, région and EPCI names', async () => {
    const { body } = await get('/api/communes/44109');
    expect(body.commune).toMatchObject({
      code: '44109', nom: 'Nantes', population: 327734,
      departement: { code: '44', nom: 'Loire-Atlantique' }, region: { code: '52', nom: 'Pays de la Loire' },
      epci: { code: '244400404', nom: 'Nantes Métropole' },
    });
    expect(body.remplace).toBeNull();
    expect(body.source.millesime).toBe(2026);
  });

  it('answers an old code with the current commune and says so', async () => {
    const { status, body } = await get('/api/communes/44004');
    expect(status).toBe(200);
    expect(body.commune).toMatchObject({ code: '44163', nom: 'Vair-sur-Loire' });
    expect(body.remplace).toEqual({ ancienCode: '44004', relation: 'commune-deleguee', ancienNom: 'Anetz' });
    expect(body.message).toBe("Le code 44004 (Anetz) n'existe plus au COG 2026 : il correspond à Vair-sur-Loire (44163).");
  });

  it('answers 404 with a message for an unknown code', async () => {
    const { status, body } = await get('/api/communes/44999');
    expect(status).toBe(404);
    expect(body.error.message).toBe('Commune 44999 inconnue du Code officiel géographique 2026.');
  });
});

describe('GET /api/search', () => {
  const search = async (q: string) => (await get(`/api/search?q=${encodeURIComponent(q)}`)).body.results as any[];

  it('shows homonyms with their département', async () => {
    const results = await search('Saint-Denis');
    const exact = results.filter((r) => r.nom === 'Saint-Denis');
    // Four real Saint-Denis in the fixture régions: Aude, Gard, Seine-Saint-Denis, La Réunion.
    expect(exact.map((r) => r.label).sort()).toEqual(['Saint-Denis (11)', 'Saint-Denis (30)', 'Saint-Denis (93)', 'Saint-Denis (974)']);
    expect(exact.map((r) => r.departement.nom)).toContain('Seine-Saint-Denis');
    // Exact matches come first, the most populous (La Réunion, then Seine-Saint-Denis) on top.
    expect(results.slice(0, 4).map((r) => r.label)).toEqual(['Saint-Denis (974)', 'Saint-Denis (93)', 'Saint-Denis (11)', 'Saint-Denis (30)']);
  });

  it('reads "st" as "saint" and ignores hyphens, accents and case', async () => {
    expect((await search('st nazaire'))[0]).toMatchObject({ code: '44184', nom: 'Saint-Nazaire', match: 'nom' });
    expect((await search('COUERON'))[0]).toMatchObject({ code: '44047', nom: 'Couëron' });
    expect((await search('la chapelle sur erdre'))[0]).toMatchObject({ code: '44035' });
  });

  it('finds communes by postcode and by INSEE code', async () => {
    expect((await search('31770'))[0]).toMatchObject({ code: '31149', nom: 'Colomiers', match: 'code_postal' });
    expect((await search('44109'))[0]).toMatchObject({ code: '44109', match: 'code_insee' });
  });

  it('finds the current commune of an old code', async () => {
    expect((await search('44004'))[0]).toMatchObject({
      code: '44163', match: 'ancien_code', ancienCode: { code: '44004', nom: 'Anetz', relation: 'commune-deleguee' },
    });
  });

  it('picks the commune out of an address-like text', async () => {
    expect((await search('12 rue des Lilas 31770 Colomiers'))[0]).toMatchObject({ code: '31149' });
    expect((await search('3 place du Capitole Toulouse'))[0]).toMatchObject({ code: '31555' });
  });

  it('refuses an empty query with a French message', async () => {
    const res = await get('/api/search?q=%20');
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].message).toBe('saisissez un nom de commune, un code postal ou un code INSEE');
  });
});

describe('vector tiles', () => {
  const tileAt = async (z: number, x: number, y: number) => {
    const res = await f.app.request(`/api/tiles/${z}/${x}/${y}.pbf`);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    return new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
  };
  const communeProps = (tile: VectorTile, code: string) => {
    const layer = tile.layers.communes!;
    return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties).find((p) => p.code === code);
  };

  it('serves Mapbox Vector Tiles with the commune, département and région layers, communes carrying only what layers read', async () => {
    const tile = await tileAt(5, 15, 11);
    expect(Object.keys(tile.layers).sort()).toEqual(['communes', 'departements', 'regions']);
    // Below zoom 7 the density is floored to two significant digits (every density class kept).
    const { commune } = (await get('/api/communes/44109')).body;
    expect(commune.densite).toBeCloseTo(4997, 0);
    expect(communeProps(tile, '44109')).toEqual({ code: '44109', densite: 4900 });
    expect(communeProps(await tileAt(7, 63, 44), '44109')).toEqual({ code: '44109', densite: commune.densite });
  });

  it('adds label points with names from zoom 8', async () => {
    const z8 = await tileAt(8, 126, 89);
    expect(Object.keys(z8.layers)).toContain('communes_labels');
    const labels = z8.layers.communes_labels!;
    const nantes = Array.from({ length: labels.length }, (_, i) => labels.feature(i).properties).find((p) => p.code === '44109');
    expect(nantes).toMatchObject({ nom: 'Nantes', population: 327734 });
  });

  it('sends tiles gzipped as stored, unzipped to a client that refuses gzip, with a version-keyed ETag', async () => {
    const zipped = await f.app.request('/api/tiles/7/63/44.pbf', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const plain = await f.app.request('/api/tiles/7/63/44.pbf');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(gunzipSync(bytes)).equals(Buffer.from(await plain.arrayBuffer()))).toBe(true);
    const etag = zipped.headers.get('etag')!;
    expect((await f.app.request('/api/tiles/7/63/44.pbf', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const { version } = (await get('/api/tiles/metadata')).body;
    expect((await f.app.request(`/api/tiles/7/63/44.pbf?v=${version}`)).headers.get('cache-control')).toContain('immutable');
    expect((await f.app.request('/api/tiles/7/63/44.pbf?v=ancienne')).headers.get('cache-control')).not.toContain('immutable');
  });

  it('serves the boundary tiles (/tiles/limites/…): the same départements and régions, no commune, a fraction of the bytes', async () => {
    const res = await f.app.request('/api/tiles/limites/5/15/11.pbf', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const light = new VectorTile(new PbfReader(new Uint8Array(gunzipSync(new Uint8Array(await res.arrayBuffer())))));
    expect(Object.keys(light.layers).sort()).toEqual(['departements', 'regions']);
    const full = await tileAt(5, 15, 11);
    const codes = (t: VectorTile, layer: string) => Array.from({ length: t.layers[layer]!.length }, (_, i) => String(t.layers[layer]!.feature(i).properties.code)).sort();
    for (const layer of ['departements', 'regions']) expect(codes(light, layer)).toEqual(codes(full, layer));
    expect(codes(light, 'departements')).toContain('44');
    const sizes = await Promise.all(['/api/tiles/limites/5/15/11.pbf', '/api/tiles/5/15/11.pbf'].map(async (u) => (await (await f.app.request(u)).arrayBuffer()).byteLength));
    expect(sizes[0]).toBeLessThan(sizes[1]! / 4);
    expect((await f.app.request('/api/tiles/limites/2/9/0.pbf')).status).toBe(400);
  });

  it('answers an empty tile outside the data and 400 outside the grid', async () => {
    const sea = await f.app.request('/api/tiles/9/0/0.pbf');
    expect(sea.status).toBe(200);
    expect((await sea.arrayBuffer()).byteLength).toBe(0);
    expect((await f.app.request('/api/tiles/2/9/0.pbf')).status).toBe(400);
  });
});
