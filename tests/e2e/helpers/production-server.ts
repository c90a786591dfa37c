/**
 * Starts the production server (API + built web app on one port) on a private copy of a
 * database, so that it never locks the files other tests read, with a fresh state store of its
 * own (a copy of the migrated PGlite folder) unless `env` names one (MAILLAGE_POSTGRES_URL, MAILLAGE_STATE_DIR).
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync } from 'node:fs';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../../helpers/paths';
import { runServer, type RunningServer } from '../../../scripts/lib/run-server';

export type { RunningServer };

export async function startProductionServer({ geodataDir, env = {}, port }: { geodataDir: string; env?: Record<string, string>; port?: number }): Promise<RunningServer> {
  if (!existsSync(join(REPO, 'web/dist/index.html'))) {
    throw new Error('Application web non construite : lancez « npm run build:web » (ou « npm run setup ») avant les tests navigateur.');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
  copyFileSync(join(geodataDir, 'maillage.duckdb'), join(tmp, 'maillage.duckdb'));
  if (!env.MAILLAGE_POSTGRES_URL && !env.MAILLAGE_STATE_DIR) cpSync(inject('pgliteTemplate'), join(tmp, 'maillage-etat.pglite'), { recursive: true });
  return runServer({ port, env: { GEODATA_DIR: geodataDir, MAILLAGE_DB: join(tmp, 'maillage.duckdb'), ...env } });
}
