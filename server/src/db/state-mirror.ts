/**
 * The CPTS versions of the state store, mirrored into each DuckDB data version as the in-memory
 * schema `etat` (`etat.cpts_versions`, `etat.cpts_version_communes`), because the « au <date> »
 * queries (cpts-at-date.ts) join them with the data. The mirror is a copy keyed by the state
 * version: when a notification (or this process's own write) says the store is at a later
 * version, the next request reloads it whole, from one statement (one snapshot of the store).
 */
import type { Database } from './connection';
import { stateChanges } from './state-changes';
import type { StateSql, StateStore } from './state-store';

interface Mirror {
  version: number;
  loading: Promise<void> | null;
  ready: Promise<void>;
  writes: Promise<void>;
}

const mirrors = new WeakMap<Database, Mirror>();

const TABLES = `
  CREATE TABLE IF NOT EXISTS etat.cpts_versions (
    cpts_id VARCHAR, version INTEGER, valid_from VARCHAR NOT NULL, status VARCHAR NOT NULL, status_date VARCHAR,
    origin VARCHAR NOT NULL, proposal_id VARCHAR, added VARCHAR[] NOT NULL, removed VARCHAR[] NOT NULL,
    created_by VARCHAR NOT NULL, created_at VARCHAR NOT NULL, PRIMARY KEY (cpts_id, version));
  CREATE TABLE IF NOT EXISTS etat.cpts_version_communes (
    cpts_id VARCHAR, version INTEGER, commune VARCHAR, coverage VARCHAR NOT NULL, PRIMARY KEY (cpts_id, version, commune));`;

function mirrorOf(db: Database): Mirror {
  let m = mirrors.get(db);
  if (!m) {
    const ready = (async () => {
      await db.run("ATTACH ':memory:' AS etat (READ_WRITE)");
      for (const ddl of TABLES.split(';').map((s) => s.trim()).filter(Boolean)) await db.run(ddl);
    })();
    m = { version: -1, loading: null, ready, writes: Promise.resolve() }; // -1: never loaded
    mirrors.set(db, m);
  }
  return m;
}

/** The state version the mirror of `db` holds (0: none loaded, no CPTS version). */
export const mirroredVersion = (db: Database): number => Math.max(0, mirrors.get(db)?.version ?? 0);

/**
 * Makes the mirror of `db` hold at least `target` (concurrent callers share one reload).
 * `own`: inside a transaction of the store, reload through it rather than wait for a reload
 * running outside it (with PGlite, that one waits for this transaction to end).
 */
export async function syncStateMirror(db: Database, sql: StateSql, target: number, { own = false } = {}): Promise<void> {
  const m = mirrorOf(db);
  await m.ready;
  if (own) {
    if (m.version < target) await reload(db, sql, m);
    return;
  }
  // A reload already running may have read an older snapshot: one more after it, at most.
  for (let i = 0; i < 2 && m.version < target; i++) {
    m.loading ??= reload(db, sql, m).finally(() => {
      m.loading = null;
    });
    await m.loading;
  }
}

/** Makes the mirror of `db` hold the latest state version this process knows (outside a request: services, scripts). */
export async function mirrorCurrent(db: Database, state: StateStore): Promise<void> {
  await syncStateMirror(db, state, (await stateChanges(state)).version());
}

async function reload(db: Database, sql: StateSql, m: Mirror): Promise<void> {
  const [row] = await sql.query<{ v: string; versions: unknown[] | null; communes: unknown[] | null }>(
    `SELECT (SELECT value FROM etat.meta WHERE key = 'state_version') AS v,
            (SELECT json_agg(json_build_object('cpts_id', cpts_id, 'version', version, 'valid_from', valid_from, 'status', status,
                    'status_date', status_date, 'origin', origin, 'proposal_id', proposal_id, 'added', added, 'removed', removed,
                    'created_by', created_by, 'created_at', created_at)) FROM etat.cpts_versions) AS versions,
            (SELECT json_agg(json_build_object('cpts_id', cpts_id, 'version', version, 'commune', commune, 'coverage', coverage))
               FROM etat.cpts_version_communes) AS communes`,
  );
  const read = Number(row!.v);
  const versions = JSON.stringify(row!.versions ?? []);
  const communes = JSON.stringify(row!.communes ?? []);
  // Reloads write one after the other, and one that read no later snapshot than the mirror holds writes nothing.
  const write = m.writes.then(async () => {
    if (read <= m.version) return;
    await db.transaction(async (tx) => {
      await tx.run('DELETE FROM etat.cpts_version_communes');
      await tx.run('DELETE FROM etat.cpts_versions');
      await tx.run(
        `INSERT INTO etat.cpts_versions SELECT * FROM (SELECT unnest(CAST($rows AS JSON)::STRUCT(cpts_id VARCHAR, version INTEGER, valid_from VARCHAR,
           status VARCHAR, status_date VARCHAR, origin VARCHAR, proposal_id VARCHAR, added VARCHAR[], removed VARCHAR[], created_by VARCHAR, created_at VARCHAR)[], recursive := true))`,
        { rows: versions },
      );
      await tx.run(
        `INSERT INTO etat.cpts_version_communes SELECT * FROM (SELECT unnest(CAST($rows AS JSON)::STRUCT(cpts_id VARCHAR, version INTEGER, commune VARCHAR, coverage VARCHAR)[], recursive := true))`,
        { rows: communes },
      );
    });
    m.version = read;
  });
  m.writes = write.catch(() => {});
  await write;
}
