/**
 * Invariants of the France build (geodata/, made by `npm run setup`) checked against the COG
 * lists read directly from the downloaded files, not through the build's own reader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { openDatabase, type Database } from '../../server/src/db/connection';
import { FRANCE_DB, INPUT_CACHE, requireBuiltFrance } from '../helpers/paths';

interface RawCommune { code: string; type: string; zone: string; departement: string; population: number; nom: string }

function readRawCog(): RawCommune[] {
  const path = join(INPUT_CACHE, 'cog/communes.json');
  const bytes = existsSync(path) ? readFileSync(path) : gunzipSync(readFileSync(`${path}.gz`));
  return (JSON.parse(bytes.toString('utf8')) as RawCommune[]).filter((c) => c.type === 'commune-actuelle' && c.zone !== 'com');
}

let db: Database;
let cog: RawCommune[];

beforeAll(async () => {
  requireBuiltFrance();
  db = await openDatabase(FRANCE_DB, { readOnly: true });
  cog = readRawCog();
});
afterAll(() => db?.close());

describe('the France geography build', () => {
  it('holds every commune of métropole and the 5 DROM exactly once', async () => {
    const rows = await db.all<{ code: string }>('SELECT code FROM communes');
    expect(rows.length).toBe(cog.length);
    expect(rows.length).toBe(34875);
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(cog.map((c) => c.code)));
  });

  it('has, for each of the 101 départements, the commune count and population of the COG list', async () => {
    const expected = new Map<string, { n: number; p: number }>();
    for (const c of cog) {
      const e = expected.get(c.departement) ?? { n: 0, p: 0 };
      e.n += 1;
      e.p += c.population;
      expected.set(c.departement, e);
    }
    const rows = await db.all<{ code: string; communes: number; population: number; n: number; p: number }>(
      `SELECT d.code, d.communes, d.population, count(c.code)::INTEGER AS n, sum(c.population)::INTEGER AS p
       FROM departements d JOIN communes c ON c.departement = d.code GROUP BY ALL ORDER BY d.code`,
    );
    expect(rows.length).toBe(101);
    for (const r of rows) {
      const e = expected.get(r.code)!;
      expect({ dep: r.code, n: r.n, p: r.p, communes: r.communes, population: r.population }).toEqual({
        dep: r.code, n: e.n, p: e.p, communes: e.n, population: e.p,
      });
    }
    // Two real figures, as a reader would check them: Loire-Atlantique and Haute-Garonne.
    expect(rows.find((r) => r.code === '44')).toMatchObject({ communes: 207, population: 1487570 });
    expect(rows.find((r) => r.code === '31')).toMatchObject({ communes: 586, population: 1471468 });
  });

  it('keeps the 45 arrondissements municipaux of Paris, Lyon and Marseille with their COG populations, adding up to their city, without a contour (issue 22)', async () => {
    const path = join(INPUT_CACHE, 'cog/communes.json');
    const raw = JSON.parse((existsSync(path) ? readFileSync(path) : gunzipSync(readFileSync(`${path}.gz`))).toString('utf8')) as (RawCommune & { commune?: string })[];
    const expected = raw.filter((c) => c.type === 'arrondissement-municipal').map((c) => ({ code: c.code, commune: c.commune, population: c.population })).sort((a, b) => a.code.localeCompare(b.code));
    const rows = await db.all<{ code: string; commune: string; population: number }>('SELECT code, commune, population FROM arrondissements_municipaux ORDER BY code');
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(45);
    const sums = await db.all<{ commune: string; arrondissements: number; city: number; geometries: number }>(
      `SELECT a.commune, sum(a.population)::INTEGER AS arrondissements, any_value(c.population) AS city, count(a.geometry)::INTEGER AS geometries
       FROM arrondissements_municipaux a JOIN communes c ON c.code = a.commune GROUP BY a.commune ORDER BY a.commune`,
    );
    expect(sums).toEqual([
      { commune: '13055', arrondissements: 886040, city: 886040, geometries: 0 },
      { commune: '69123', arrondissements: 519127, city: 519127, geometries: 0 },
      { commune: '75056', arrondissements: 2103778, city: 2103778, geometries: 0 },
    ]);
  });

  it('puts Nantes in Nantes Métropole', async () => {
    const [row] = await db.all<{ epci: string; nom: string }>(
      "SELECT c.epci, e.nom FROM communes c JOIN epci e ON e.code = c.epci WHERE c.code = '44109'",
    );
    expect(row).toEqual({ epci: '244400404', nom: 'Nantes Métropole' });
  });

  it('reports the 7 communes without own polygon as contained in their parent, not dropped', async () => {
    const rows = await db.all<{ code: string; contained_in: string; geometry: string | null; population: number; label_lon: number; label_lat: number; parent_geometry: string }>(
      `SELECT c.code, c.contained_in, c.geometry, c.population, c.label_lon, c.label_lat, p.geometry AS parent_geometry
       FROM communes c JOIN communes p ON p.code = c.contained_in ORDER BY c.code`,
    );
    expect(rows.map((r) => [r.code, r.contained_in])).toEqual([
      ['15031', '15141'], ['15035', '15141'], ['15047', '15141'], ['15171', '15141'],
      ['60694', '60054'], ['85165', '85084'], ['85212', '85084'],
    ]);
    for (const r of rows) {
      expect(r.geometry).toBeNull();
      expect(r.population).toBeGreaterThan(0);
      expect(booleanPointInPolygon([r.label_lon, r.label_lat], JSON.parse(r.parent_geometry))).toBe(true);
    }
    const [{ n }] = (await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM communes WHERE geometry IS NULL')) as [{ n: number }];
    expect(n).toBe(7);
  });

  it('places every label point inside its own commune polygon', async () => {
    const rows = await db.all<{ code: string; label_lon: number; label_lat: number; geometry: string }>(
      'SELECT code, label_lon, label_lat, geometry FROM communes WHERE geometry IS NOT NULL',
    );
    const outside = rows.filter((r) => !booleanPointInPolygon([r.label_lon, r.label_lat], JSON.parse(r.geometry))).map((r) => r.code);
    expect(outside).toEqual([]);
  });

  it('records the source and millésime of every input', async () => {
    const meta = Object.fromEntries((await db.all<{ key: string; value: string }>('SELECT key, value FROM meta')).map((r) => [r.key, r.value]));
    expect(meta.millesime).toBe('2026');
    expect(meta.scope).toBe('france');
    const datasets = await db.all<{ id: string; licence: string; sha256: string }>('SELECT id, licence, sha256 FROM datasets');
    expect(datasets.map((d) => d.id)).toContain('contours/communes.geojson.gz');
    for (const d of datasets) expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
