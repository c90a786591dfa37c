/**
 * For the global setup: the PostgreSQL server of a test run (scripts/lib/postgres-cluster.ts), its
 * migrated template database `maillage_modele` (each test's database is a `CREATE DATABASE …
 * TEMPLATE` of it), and a migrated PGlite folder (copied per test), kept in tests/.cache per
 * content of the migrations.
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresCluster } from '../../scripts/lib/postgres-cluster';
import { readMigrations } from '../../server/src/db/state-migrations';
import { openStateStore } from '../../server/src/db/state-store';

export const TEMPLATE_DB = 'maillage_modele';

export async function prepareStateTemplates(cacheDir: string): Promise<{ postgresUrl: string; pgliteTemplate: string; stop(): void }> {
  const cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = await openStateStore({ postgresUrl: cluster.urlOf(TEMPLATE_DB) });
  await template.close();

  const key = createHash('sha256').update(readMigrations().map((m) => `${m.name}:${m.sha256}`).join('\n')).digest('hex').slice(0, 12);
  const pgliteTemplate = join(cacheDir, `pglite-${key}`);
  if (!existsSync(pgliteTemplate)) {
    const building = `${pgliteTemplate}.building-${process.pid}`;
    const store = await openStateStore({ pgliteDir: building });
    await store.close();
    try {
      renameSync(building, pgliteTemplate);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another run made it first
    }
  }
  return { postgresUrl: cluster.url, pgliteTemplate, stop: cluster.stop };
}
