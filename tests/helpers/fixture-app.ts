/**
 * The API on the fixture database, called through `app.request()`: no port, no mock.
 * `writable: true` gives a private copy of the database that the test may change. Every app has
 * a fresh state store of its own (`state`: PostgreSQL on the run's server by default, or PGlite).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp } from '../../server/src/app';
import { openDatabase, type Database } from '../../server/src/db/connection';
import { topologyFromFile } from '../../server/src/geo/topology-store';
import type { StateStore } from '../../server/src/db/state-store';
import type { AppDeps } from '../../server/src/context';
import { freshState, type StateKind, type StateLocation } from './state-fixture';

export interface FixtureApp {
  app: ReturnType<typeof createApp>;
  /** GET through app.request(): the status and the parsed JSON body. */
  get(url: string): Promise<{ status: number; body: any }>;
  db: Database;
  state: StateStore;
  stateLocation: StateLocation;
  dir: string;
  close(): Promise<void>;
}

/** `dir`: another built folder than the fixture's (a test's own build); `state`: the kind of state store. */
export async function fixtureApp({ writable = false, config = {}, answers, dir = inject('fixtureDir'), state: kind }: { writable?: boolean; config?: Partial<AppDeps['config']>; answers?: AppDeps['answers']; dir?: string; state?: StateKind } = {}): Promise<FixtureApp> {
  let dbPath = join(dir, 'maillage.duckdb');
  if (writable) {
    const tmp = mkdtempSync(join(tmpdir(), 'maillage-test-'));
    copyFileSync(dbPath, join(tmp, 'maillage.duckdb'));
    dbPath = join(tmp, 'maillage.duckdb');
  }
  const db = await openDatabase(dbPath, { readOnly: !writable });
  const state = await freshState(kind);
  const app = createApp({
    db,
    state: state.store,
    topology: topologyFromFile(join(dir, 'communes.topo.json')),
    answers,
    config: { basemap: 'offline', editorToken: 'jeton-de-test', demo: true, ...config },
  });
  const get = async (url: string) => {
    const res = await app.request(url);
    return { status: res.status, body: (await res.json()) as any };
  };
  return {
    app, get, db, dir, state: state.store, stateLocation: state.location,
    close: async () => {
      db.close();
      await state.close();
    },
  };
}
