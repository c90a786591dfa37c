/**
 * The API on the fixture database, called through `app.request()`: no port, no mock.
 * `writable: true` gives a private copy of the database that the test may change.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp } from '../../server/src/app';
import { openDatabase, type Database } from '../../server/src/db/connection';
import { topologyFromFile } from '../../server/src/geo/topology-store';
import { ensureStateStore } from '../../server/src/db/state-store';
import type { AppDeps } from '../../server/src/context';

export interface FixtureApp {
  app: ReturnType<typeof createApp>;
  /** GET through app.request(): the status and the parsed JSON body. */
  get(url: string): Promise<{ status: number; body: any }>;
  db: Database;
  dir: string;
  close(): void;
}

/** `dir`: another build than the four-région fixture (e.g. paca-build.ts). */
export async function fixtureApp({ writable = false, config = {}, answers, dir = inject('fixtureDir') }: { writable?: boolean; config?: Partial<AppDeps['config']>; answers?: AppDeps['answers']; dir?: string } = {}): Promise<FixtureApp> {
  let dbPath = join(dir, 'maillage.duckdb');
  if (writable) {
    const tmp = mkdtempSync(join(tmpdir(), 'maillage-test-'));
    copyFileSync(dbPath, join(tmp, 'maillage.duckdb'));
    dbPath = join(tmp, 'maillage.duckdb');
  }
  const db = await openDatabase(dbPath, { readOnly: !writable });
  // The state store: beside the private copy when writable, an empty in-memory one otherwise.
  await ensureStateStore(db);
  const app = createApp({
    db,
    topology: topologyFromFile(join(dir, 'communes.topo.json')),
    answers,
    config: { basemap: 'offline', editorToken: 'jeton-de-test', demo: true, ...config },
  });
  const get = async (url: string) => {
    const res = await app.request(url);
    return { status: res.status, body: (await res.json()) as any };
  };
  return { app, get, db, dir, close: () => db.close() };
}
