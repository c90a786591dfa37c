/**
 * Attaches the state store (db/state-schema.ts) to a database connection as schema `etat`, once
 * per connection: the file next to the database (or MAILLAGE_STATE_DB), created with its tables
 * when writable; read-only when the database is; an empty in-memory store when read-only and the
 * file does not exist yet (public read-only use, no sign-in configured), or a copy of the writer's
 * snapshots when it publishes them (state-snapshots.ts: readers beside a running writer).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from './connection';
import { STATE_SCHEMA, STATE_SCHEMA_VERSION, STATE_SPECS } from './state-schema';
import { hasSnapshot, mirrorSnapshots } from './state-snapshots';
import { processAlive } from '../lib/process-alive';

export const STATE_FILE = 'maillage-etat.duckdb';

export const defaultStatePath = (dbPath: string) => join(dirname(dbPath), STATE_FILE);

const attached = new WeakMap<Database, Promise<void>>();

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function attach(db: Database, path: string, readOnlyAsked: boolean | undefined): Promise<void> {
  const [main] = await db.all<{ readonly: boolean }>('SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()');
  const readOnly = readOnlyAsked ?? main?.readonly ?? false;
  // A read-only process beside a running writer cannot open the file: it follows the writer's snapshots.
  const mirror = readOnly && hasSnapshot(path);
  const memory = readOnly && (mirror || !existsSync(path));
  if (!readOnly) holdWriterLock(path, db);
  if (memory) await db.run(`ATTACH ':memory:' AS ${STATE_SCHEMA} (READ_WRITE)`);
  else await db.run(`ATTACH ${quote(path)} AS ${STATE_SCHEMA} (${readOnly ? 'READ_ONLY' : 'READ_WRITE'})`);
  if (readOnly && !memory) return;
  for (const spec of STATE_SPECS) await db.run(spec.ddl.replace(`CREATE TABLE ${spec.name} `, `CREATE TABLE IF NOT EXISTS ${STATE_SCHEMA}.${spec.name} `));
  await db.run(`INSERT OR IGNORE INTO ${STATE_SCHEMA}.meta VALUES ('state_schema_version', $v), ('state_version', '0')`, { v: String(STATE_SCHEMA_VERSION) });
  if (mirror) await mirrorSnapshots(db, path);
}

/** Per store path, the open databases of this process that write it. */
const held = new Map<string, Set<Database>>();
let exitHook = false;
const releaseAtExit = () => {
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const path of held.keys()) rmSync(`${path}.ecrivain`, { force: true });
  });
};

/**
 * One process writes the store. DuckDB's own file lock does not hold here (a store attached to a
 * read-only data version takes none), so the writer keeps `<store>.ecrivain` with its pid for as
 * long as it runs; another process asking to write is refused while that pid is alive (a dead
 * writer's lock is taken over). Readers never write it: they follow its snapshots.
 */
function holdWriterLock(path: string, db: Database) {
  const lock = `${path}.ecrivain`;
  const hold = () => {
    const dbs = held.get(path) ?? new Set<Database>();
    held.set(path, dbs);
    dbs.add(db);
    // Let go once the last database of this process that writes the store is closed.
    db.onClose(() => {
      dbs.delete(db);
      if (dbs.size > 0) return;
      held.delete(path);
      if (existsSync(lock) && Number(readFileSync(lock, 'utf8')) === process.pid) rmSync(lock, { force: true });
    });
  };
  if (held.has(path)) return hold();
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      releaseAtExit();
      return hold();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (holder === process.pid) return hold();
      if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
        throw new Error(`le registre des rôles et propositions (${path}) est écrit par le processus ${holder} (un serveur ?) : `
          + 'passez par son API (imports : POST /api/imports/<type> ; rôles : l\'écran « Rôles ») ou arrêtez-le');
      }
      rmSync(lock, { force: true });
    }
  }
}

/** Attaches the state store to `db` (idempotent; concurrent callers share one attachment). */
/** Read-only when asked, else as the database itself was opened. */
export function ensureStateStore(db: Database, { path, readOnly }: { path?: string | null; readOnly?: boolean } = {}): Promise<void> {
  let p = attached.get(db);
  if (!p) {
    p = attach(db, path ?? defaultStatePath(db.path), readOnly);
    attached.set(db, p);
    p.catch(() => attached.delete(db));
  }
  return p;
}

/** `etat.meta.state_version`, incremented by every write that changes an answer (a CPTS version). */
export async function stateVersion(db: Database): Promise<string> {
  const [row] = await db.all<{ value: string }>(`SELECT value FROM ${STATE_SCHEMA}.meta WHERE key = 'state_version'`);
  return row?.value ?? '0';
}

export async function bumpStateVersion(db: Database): Promise<string> {
  const [row] = await db.all<{ value: string }>(
    `UPDATE ${STATE_SCHEMA}.meta SET value = CAST(CAST(value AS INTEGER) + 1 AS VARCHAR) WHERE key = 'state_version' RETURNING value`,
  );
  return row!.value;
}

