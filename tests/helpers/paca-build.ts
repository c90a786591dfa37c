/**
 * The région Provence-Alpes-Côte d'Azur (93) built from the test inputs by the production build, once per
 * source state (the same key as the four-région fixture), in `tests/.cache/paca-<key>`: Marseille and its
 * arrondissements municipaux, Nice, Toulon and Vauvenargues, for the ARS listing of issue 22
 * (`tests/fixtures/ars-listing/`). Built aside and renamed, like the fixture: runs may share the cache.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inject } from 'vitest';
import { buildGeodata } from '../../scripts/build/build-geodata';
import { reducedCache } from './reduced-cache';
import { REPO } from './paths';

export const PACA_DEPARTEMENTS = ['04', '05', '06', '13', '83', '84'];

let built: Promise<string> | null = null;

/** The folder of the PACA build (maillage.duckdb, communes.topo.json), built on first use. */
export function pacaDir(): Promise<string> {
  built ??= (async () => {
    const key = basename(inject('fixtureDir')).replace(/^fixture-/, '');
    const root = join(REPO, 'tests/.cache');
    const dir = join(root, `paca-${key}`);
    if (existsSync(join(dir, 'maillage.duckdb'))) return dir;
    // Builds of other source states, unused for an hour, are deleted (as global-setup.ts does for the fixture).
    for (const name of readdirSync(root)) {
      const path = join(root, name);
      if (name.startsWith('paca-') && path !== dir && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    }
    const building = `${dir}.building-${process.pid}`;
    const cacheDir = reducedCache(inject('inputCache'), PACA_DEPARTEMENTS);
    try {
      await buildGeodata({ cacheDir, outDir: building, regions: ['93'], quiet: true });
      try {
        renameSync(building, dir);
      } catch {
        rmSync(building, { recursive: true, force: true }); // another run finished first
      }
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
    return dir;
  })();
  return built;
}
