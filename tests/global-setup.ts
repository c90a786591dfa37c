/**
 * Builds, once per source change, the fixture database of four régions with the same build code
 * as production, and hands its folder to the tests (`inject('fixtureDir')`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildGeodata } from '../scripts/build/build-geodata';
import { download } from '../scripts/download/download';
import { FIXTURE_REGIONS, INPUT_CACHE, mirrorDir, REPO } from './helpers/paths';
import { prepareStateTemplates } from './helpers/state-templates';

function hashTree(hash: ReturnType<typeof createHash>, dir: string) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) hashTree(hash, path);
    else hash.update(path).update(readFileSync(path));
  }
}

/** Fixtures of other source states, unused for an hour, are deleted. */
function removeStaleFixtures(keep: string) {
  const root = join(REPO, 'tests/.cache');
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (!name.startsWith('fixture-') || path === keep) continue;
    if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject) {
  let inputs = INPUT_CACHE;
  if (!existsSync(join(inputs, 'sources.json'))) {
    const mirror = mirrorDir();
    if (!mirror) throw new Error('Ni cache de données (npm run download) ni miroir (GEODATA_MIRROR) : impossible de préparer les tests.');
    inputs = join(REPO, 'tests/.cache/inputs');
    await download({ millesime: 2026, cacheDir: inputs, mirror });
  }
  const hash = createHash('sha256').update(readFileSync(join(inputs, 'sources.json')));
  hashTree(hash, join(REPO, 'scripts'));
  hashTree(hash, join(REPO, 'server/src'));
  const key = hash.digest('hex').slice(0, 16);
  const fixtureDir = join(REPO, 'tests/.cache', `fixture-${key}`);
  if (!existsSync(join(fixtureDir, 'maillage.duckdb'))) {
    // Build aside and rename: several test runs may share tests/.cache at once.
    const building = `${fixtureDir}.building-${process.pid}`;
    await buildGeodata({ cacheDir: inputs, outDir: building, regions: FIXTURE_REGIONS, quiet: true });
    try {
      renameSync(building, fixtureDir);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another run finished first
    }
    removeStaleFixtures(fixtureDir);
  }
  project.provide('fixtureDir', fixtureDir);
  project.provide('inputCache', inputs);
  // The state store: a PostgreSQL server for this run, and migrated templates (server and PGlite).
  const state = await prepareStateTemplates(join(REPO, 'tests/.cache'));
  project.provide('postgresUrl', state.postgresUrl);
  project.provide('pgliteTemplate', state.pgliteTemplate);
  return () => state.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDir: string;
    inputCache: string;
    /** The PostgreSQL server started for this run, with the migrated template database `maillage_modele`. */
    postgresUrl: string;
    /** A migrated PGlite folder to copy. */
    pgliteTemplate: string;
  }
}
