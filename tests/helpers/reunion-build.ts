/**
 * A private build of La Réunion (région 04) from the test inputs, with its own imports folder, for
 * tests that import, kill, rebuild and replay, with the embedded state store where the server and
 * the CLI put it by default (a copy of the migrated PGlite folder, `maillage-etat.pglite`); and a
 * read-only query of a database file.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildGeodata } from '../../scripts/build/build-geodata';
import { openDatabase } from '../../server/src/db/connection';
import { reducedCache } from './reduced-cache';

export function reunionBuild(prefix: string) {
  const cacheDir = reducedCache(inject('inputCache'), ['974']);
  const outDir = mkdtempSync(join(tmpdir(), prefix));
  const importsDir = join(outDir, 'imports');
  const dbPath = join(outDir, 'maillage.duckdb');
  cpSync(inject('pgliteTemplate'), join(outDir, 'maillage-etat.pglite'), { recursive: true });
  const build = () => buildGeodata({ cacheDir, outDir, regions: ['04'], quiet: true, importsDir });
  return { cacheDir, outDir, importsDir, dbPath, build };
}

export async function queryDatabase<T>(dbPath: string, sql: string): Promise<T[]> {
  const db = await openDatabase(dbPath, { readOnly: true });
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}
