/**
 * The state store: everything users write (roles, perimeter proposals and their reviews, CPTS
 * versions, the audit log, shared rate-limit windows) lives in PostgreSQL, schema `etat`
 * (migrations/*.sql). Two kinds behind one interface and the same SQL:
 * - `postgres`: a PostgreSQL server given by MAILLAGE_POSTGRES_URL, shared by every server process
 *   on every machine (state-postgres.ts);
 * - `pglite`: the embedded default, PostgreSQL compiled to WebAssembly with its data in a folder
 *   beside the database (state-pglite.ts). One process only: a second one on the same folder is refused.
 *
 * Parameters are positional (`$1`…); arrays travel as JSON text and are unpacked in SQL, so that
 * both clients serialise them alike.
 */
import { applyMigrations } from './state-migrations';

export interface StateSql {
  /** Runs one statement; its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface StateStore extends StateSql {
  readonly kind: 'pglite' | 'postgres';
  /** Where it is, for messages (a folder, or the server's address without its password). */
  readonly where: string;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: StateSql) => Promise<T>): Promise<T>;
  /** Runs `work` holding a lock named `name` shared by every process of this store (advisory lock). */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Calls `fn` with each notification on `channel` (and with '*' when notifications may have been missed). */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The channel of `announce` (state-changes.ts). */
export const STATE_CHANNEL = 'maillage_etat';

/** A 64-bit advisory lock key from a name, the same in every process. */
export function lockKey(name: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(`maillage:${name}`)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return BigInt.asIntN(64, h).toString();
}

export interface StateStoreOptions {
  /** MAILLAGE_POSTGRES_URL: a PostgreSQL server. */
  postgresUrl?: string | null;
  /** Otherwise the PGlite folder (MAILLAGE_STATE_DIR, default beside the database). */
  pgliteDir?: string | null;
}

/** Opens the state store and brings its schema up to date (migrations applied once, in order). */
export async function openStateStore(o: StateStoreOptions): Promise<StateStore> {
  const store = o.postgresUrl
    ? await (await import('./state-postgres')).openPostgresStore(o.postgresUrl)
    : await (await import('./state-pglite')).openPgliteStore(o.pgliteDir ?? null);
  try {
    await applyMigrations(store);
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
  return store;
}

/** `etat.meta.state_version`: incremented by every write that changes an answer (a CPTS version). */
export async function stateVersion(sql: StateSql): Promise<number> {
  const [row] = await sql.query<{ value: string }>("SELECT value FROM etat.meta WHERE key = 'state_version'");
  return Number(row?.value ?? 0);
}

/**
 * Inside a transaction: takes the row of `state_version` (FOR UPDATE), so that writers of CPTS
 * versions follow one another and each reads what the previous one committed.
 */
export async function lockStateVersion(tx: StateSql): Promise<number> {
  const [row] = await tx.query<{ value: string }>("SELECT value FROM etat.meta WHERE key = 'state_version' FOR UPDATE");
  return Number(row!.value);
}

export async function bumpStateVersion(tx: StateSql): Promise<number> {
  const [row] = await tx.query<{ value: string }>(
    "UPDATE etat.meta SET value = (value::bigint + 1)::text WHERE key = 'state_version' RETURNING value",
  );
  return Number(row!.value);
}
