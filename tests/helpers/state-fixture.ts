/**
 * A fresh state store for a test, of either kind: `postgres` — a new database on the run's
 * PostgreSQL server, copied from the migrated template — or `pglite` — a copy of the migrated
 * PGlite folder. `freshStateLocation` only makes the place (for a server process started by the
 * test, through `env`); `freshState` also opens it here.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStateStore, type StateStore } from '../../server/src/db/state-store';
import type { Database } from '../../server/src/db/connection';
import { tableChecksums } from '../../server/src/db/table-checksums';
import { TEMPLATE_DB } from './state-templates';

export type StateKind = 'pglite' | 'postgres';
/** The suites that must pass on both stores loop over these. */
export const STATE_KINDS: StateKind[] = ['pglite', 'postgres'];
/** The store of the other tests: MAILLAGE_TEST_STATE=pglite runs them all on PGlite. */
export const DEFAULT_KIND: StateKind = process.env.MAILLAGE_TEST_STATE === 'pglite' ? 'pglite' : 'postgres';

export interface StateLocation {
  kind: StateKind;
  /** What a server process needs to open it (MAILLAGE_POSTGRES_URL or MAILLAGE_STATE_DIR). */
  env: Record<string, string>;
  open(): Promise<StateStore>;
  dispose(): Promise<void>;
}

const serverUrl = (database: string) => {
  const u = new URL(inject('postgresUrl'));
  u.pathname = `/${database}`;
  return u.toString();
};

async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: inject('postgresUrl') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function freshStateLocation(kind: StateKind = DEFAULT_KIND): Promise<StateLocation> {
  if (kind === 'postgres') {
    const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await onServer(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    const url = serverUrl(name);
    return {
      kind, env: { MAILLAGE_POSTGRES_URL: url },
      open: () => openStateStore({ postgresUrl: url }),
      dispose: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {}),
    };
  }
  const dir = join(mkdtempSync(join(tmpdir(), 'maillage-etat-')), 'maillage-etat.pglite');
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  return {
    kind, env: { MAILLAGE_STATE_DIR: dir },
    open: () => openStateStore({ pgliteDir: dir }),
    dispose: async () => rmSync(join(dir, '..'), { recursive: true, force: true }),
  };
}

export interface FreshState {
  store: StateStore;
  location: StateLocation;
  close(): Promise<void>;
}

export async function freshState(kind: StateKind = DEFAULT_KIND): Promise<FreshState> {
  const location = await freshStateLocation(kind);
  const store = await location.open();
  return {
    store, location,
    close: async () => {
      await store.close().catch(() => {});
      await location.dispose();
    },
  };
}

/** A checksum of every table of the store: what a refused write must leave unchanged. */
export async function stateChecksums(sql: Pick<StateStore, 'query'>): Promise<Record<string, string>> {
  const tables = await sql.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'etat' AND table_name NOT IN ('rate_windows', 'schema_migrations') ORDER BY 1",
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await sql.query<{ n: number; h: string }>(
      `SELECT count(*)::integer AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM etat.${name} t`,
    );
    out[`etat.${name}`] = `${row!.n}:${row!.h}`;
  }
  return out;
}

/** Checksums of the data's tables and of the state store's (`etat.<table>`), filtered by key. */
export async function allChecksums(f: { db: Database; state: Pick<StateStore, 'query'> }, { only }: { only?: (key: string) => boolean } = {}): Promise<Record<string, string>> {
  const data = await tableChecksums(f.db, { only });
  const state = Object.entries(await stateChecksums(f.state)).filter(([k]) => !only || only(k));
  return { ...data, ...Object.fromEntries(state) };
}
