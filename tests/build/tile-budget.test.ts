/**
 * The tile budget: the build stops when a tile passes the maximum (checked with a budget too
 * small for La Réunion), prints the distribution, and the low-zoom generalisation keeps shared
 * borders shared — both neighbours of a border are drawn from the same simplified vertices.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import type { Position } from 'geojson';
import { buildGeodata } from '../../scripts/build/build-geodata';
import { InvariantError } from '../../scripts/build/invariant-error';
import { generaliseCommunes, simplifyTopology } from '../../scripts/build/generalise-communes';
import { checkTileBudget, tileDistribution } from '../../scripts/build/tile-budget';
import { floorSignificant } from '../../scripts/build/commune-tile-inputs';
import { indexCommuneGeometries, type CommuneTopology } from '../../server/src/geo/commune-topology';
import { reducedCache } from '../helpers/reduced-cache';

describe('the tile budget', () => {
  it('stops the build on a tile over the maximum, naming it, and writes no database', async () => {
    const cacheDir = reducedCache(inject('inputCache'), ['974'], () => {});
    const outDir = mkdtempSync(join(tmpdir(), 'maillage-out-'));
    const error = await buildGeodata({ cacheDir, outDir, regions: ['04'], quiet: true, tileBudget: { maxRawBytes: 4000, maxMedianGzipBytes: 50 * 1024 } }).then(() => null, (e: Error) => e);
    expect(error).toBeInstanceOf(InvariantError);
    expect(error!.message).toMatch(/budget des tuiles vectorielles/);
    expect(error!.message).toMatch(/tuile \d+\/\d+\/\d+ : [\d.]+ kB brute, au-delà du maximum de 3\.9 kB/);
    expect(existsSync(join(outDir, 'maillage.duckdb'))).toBe(false);
  });

  it('checks the light tile set (départements, régions) against its own budget, and stops the build past it', async () => {
    const cacheDir = reducedCache(inject('inputCache'), ['974'], () => {});
    const outDir = mkdtempSync(join(tmpdir(), 'maillage-out-'));
    const error = await buildGeodata({ cacheDir, outDir, regions: ['04'], quiet: true, lightTileBudget: { maxRawBytes: 200, maxMedianGzipBytes: 50 * 1024 } }).then(() => null, (e: Error) => e);
    expect(error).toBeInstanceOf(InvariantError);
    expect(error!.message).toMatch(/budget des tuiles des limites \(départements, régions\)/);
    expect(error!.message).toMatch(/tuile \d+\/\d+\/\d+ : [\d.]+ kB brute, au-delà du maximum de 0\.2 kB/);
    expect(existsSync(join(outDir, 'maillage.duckdb'))).toBe(false);
  });

  it('refuses a median over its target and summarises sizes per zoom', () => {
    const tiles = [1, 2, 3].map((x) => ({ z: 5, x, y: 0, raw: 90_000, gzip: 60_000 }));
    expect(() => checkTileBudget(tiles)).toThrow(/médiane des tuiles des zooms 0 à 9 : 58\.6 kB gzip/);
    expect(() => checkTileBudget(tiles, { maxRawBytes: 500 * 1024, maxMedianGzipBytes: 70_000 })).not.toThrow();
    expect(tileDistribution([...tiles, { z: 6, x: 0, y: 0, raw: 10, gzip: 5 }])).toEqual([
      { z: 5, tiles: 3, medianRaw: 90_000, maxRaw: 90_000, medianGzip: 60_000, maxGzip: 60_000, totalGzip: 180_000 },
      { z: 6, tiles: 1, medianRaw: 10, maxRaw: 10, medianGzip: 5, maxGzip: 5, totalGzip: 5 },
    ]);
  });

  it('floors densities to two significant digits without changing their class', () => {
    expect([0, 0.47, 24.99, 25, 299.9, 1499, 1500, 4997, 5000, 21345.6].map((v) => floorSignificant(v))).toEqual([0, 0.47, 24, 25, 290, 1400, 1500, 4900, 5000, 21000]);
  });
});

describe('the low-zoom generalisation', () => {
  const topology = JSON.parse(readFileSync(join(inject('fixtureDir'), 'communes.topo.json'), 'utf8')) as CommuneTopology;
  const objects = [...indexCommuneGeometries(topology).values()].filter((o) => String(o.id).startsWith('31'));
  const key = ([x, y]: Position) => `${x!.toFixed(9)},${y!.toFixed(9)}`;
  const vertices = (g: { type: string; coordinates: unknown }) => new Set(((g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][]).flat(2).map(key));

  it('simplifies each arc once, keeping its ends, so that both neighbours of a border share its vertices', () => {
    const zoom = 6;
    const shapes = generaliseCommunes(topology, objects, { zoom, minAreaPx: 0 });
    const simplified = simplifyTopology(topology, 360 / (512 * 2 ** zoom));
    const [sx, sy] = topology.transform!.scale;
    const [tx, ty] = topology.transform!.translate;
    const users = new Map<number, string[]>();
    for (const o of objects) {
      const rings = (o.type === 'Polygon' ? [o.arcs] : o.arcs) as number[][][];
      for (const arc of rings.flat(2)) {
        const i = arc < 0 ? ~arc : arc;
        users.set(i, [...(users.get(i) ?? []), String(o.id)]);
      }
    }
    const shared = [...users].filter(([, codes]) => codes.length === 2 && codes.every((c) => shapes.has(c)));
    expect(shared.length).toBeGreaterThan(500);
    let checked = 0;
    let removed = 0;
    for (const [i, [a, b]] of shared) {
      let x = 0;
      let y = 0;
      const points = simplified.arcs[i]!.map(([dx, dy]) => [(x += dx!) * sx + tx, (y += dy!) * sy + ty]);
      removed += topology.arcs[i]!.length - points.length;
      const va = vertices(shapes.get(a!)!.geometry);
      const vb = vertices(shapes.get(b!)!.geometry);
      for (const p of points) {
        expect(va.has(key(p)) && vb.has(key(p))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // It does generalise: most vertices of the borders are gone at zoom 6, from the shapes too.
    expect(removed).toBeGreaterThan(checked);
    const full = generaliseCommunes(topology, objects, { zoom: 20, tolerancePx: 0, minAreaPx: 0 });
    const count = (m: typeof shapes) => [...m.values()].reduce((s, c) => s + vertices(c.geometry).size, 0);
    expect(count(shapes)).toBeLessThan(count(full) / 2);
  });

  it('leaves out communes under the pixel threshold, and only them', () => {
    const all = generaliseCommunes(topology, objects, { zoom: 5, minAreaPx: 0 });
    const kept = generaliseCommunes(topology, objects, { zoom: 5, minAreaPx: 4 });
    expect(kept.size).toBeLessThan(all.size);
    for (const [code, c] of all) expect(kept.has(code)).toBe(c.areaPx >= 4);
  });
});
