/** POST /api/perimeter on the fixture database: dissolve, old codes, unknown codes, exports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, point } from '@turf/turf';
import { followsRightHandRule } from '../../server/src/geo/rewind';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import type { CommuneTable } from '../../server/src/analysis/inputs';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';

let f: FixtureApp;
let table: CommuneTable;
beforeAll(async () => {
  f = await fixtureApp();
  table = await loadCommuneTable(f.db);
});
afterAll(() => f.close());

const post = async (communes: unknown, query = '') => {
  const res = await f.app.request(`/api/perimeter${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ communes }) });
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text, body: query.includes('csv') ? null : JSON.parse(text) };
};
const pop = (codes: string[]) => codes.reduce((s, c) => s + table.byCode.get(c)!.population, 0);

describe('POST /api/perimeter', () => {
  it('dissolves Nantes, Rezé and Saint-Herblain into one feature with area, population and a label point inside', async () => {
    const { status, body } = await post(['44109', '44143', '44162']);
    expect(status).toBe(200);
    expect(body.type).toBe('Feature');
    expect(body.geometry.type).toBe('MultiPolygon');
    expect(body.geometry.coordinates).toHaveLength(1);
    expect(followsRightHandRule(body.geometry)).toBe(true);
    expect(body.properties).toMatchObject({ communes: 3, population: pop(['44109', '44143', '44162']), parties: 1, codes: ['44109', '44143', '44162'], codes_traduits: [] });
    expect(body.properties.area_km2).toBeCloseTo(area(body) / 1e6, 3);
    expect(body.properties.area_km2).toBeCloseTo(['44109', '44143', '44162'].reduce((s, c) => s + table.byCode.get(c)!.areaKm2!, 0), 1);
    expect(booleanPointInPolygon(point(body.properties.label_point), body)).toBe(true);
    expect(body.bbox).toHaveLength(4);
  });

  it('translates old codes (Les Alleuds, 49001, is now part of Brissac Loire Aubance, 49050) and counts L’Oie through Essarts-en-Bocage', async () => {
    const { body } = await post(['49001', '49050', '85165']);
    expect(body.properties.codes).toEqual(['49050', '85165']);
    expect(body.properties.codes_traduits).toEqual([{ ancien: '49001', nouveau: '49050' }]);
    expect(body.properties.population).toBe(pop(['49050', '85165']));
    expect(body.properties.geometries_approchees).toEqual([{ code: '85165', contenue_dans: '85084' }]);
    expect(body.properties.parties).toBe(2);
  });

  it('answers 400 listing unknown and malformed codes, and for an empty list', async () => {
    const unknown = await post(['44109', '99999', '01001']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Communes inconnues du Code officiel géographique 2026 : 99999, 01001.');
    expect(unknown.body.error.issues).toEqual([{ path: 'communes', message: 'commune inconnue : 99999' }, { path: 'communes', message: 'commune inconnue : 01001' }]);
    const malformed = await post(['44109', 'Nantes']);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/Codes commune mal formés : NANTES/);
    expect((await post([])).body.error.issues[0]).toEqual({ path: 'communes', message: 'au moins une commune' });
    expect((await post('44109')).status).toBe(400);
  });

  it('exports the member communes as CSV and the feature as a GeoJSON file', async () => {
    const csv = await post(['49001', '44109'], '?format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/perimetre_2-communes_\d{4}-\d{2}-\d{2}\.csv/);
    expect(csv.text.startsWith('\uFEFFcode_commune;nom;departement;population;contenue_dans;anciens_codes\r\n44109;Nantes;44;')).toBe(true);
    expect(csv.text).toMatch(/\r\n49050;Brissac Loire Aubance;49;\d+;;49001\r\n$/);
    const geo = await post(['44109'], '?format=geojson');
    const fc = JSON.parse(geo.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0].properties).toMatchObject({ communes: 1, codes: '44109' });
  });
});
