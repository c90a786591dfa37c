/**
 * Immutable data versions on disk, for many readers and one writer. The database the build
 * made (`maillage.duckdb`) is the first version; every import writes the next one aside — a copy
 * of the current file, changed and checkpointed, then renamed into `versions/` — and only then
 * points `versions/current.json` at it (written aside and renamed: atomic). Readers open
 * versions read-only and switch to a new one whole (live-database.ts), so no reader ever serves a
 * mix, and a write never makes a read wait. One writer at a time across processes and machines:
 * callers hold the state store's advisory lock `VERSIONS_LOCK` (`state.withLock`, PostgreSQL
 * `pg_advisory_lock`: released by the server if the holder dies). A rebuild removes `versions/`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openDatabase, type Database } from './connection';

/** The advisory lock (state-store.ts `withLock`) held by whoever writes the next data version. */
export const VERSIONS_LOCK = 'versions-de-donnees';

export interface VersionPointer { file: string; publishedAt: string }

export interface VersionStore {
  /** The build's database, the version used while none was published. */
  basePath: string;
  dir: string;
  pointerPath: string;
}

/** How many published versions stay on disk (readers switch within seconds; older ones are removed). */
const KEEP = 3;

export function versionStore(basePath: string): VersionStore {
  const dir = join(dirname(basePath), 'versions');
  return { basePath, dir, pointerPath: join(dir, 'current.json') };
}

/** The file of the current version: the one `current.json` names, else the build's database. */
export function currentVersionPath(store: VersionStore): string {
  if (!existsSync(store.pointerPath)) return store.basePath;
  try {
    const pointer = JSON.parse(readFileSync(store.pointerPath, 'utf8')) as VersionPointer;
    const path = join(store.dir, basename(pointer.file));
    return existsSync(path) ? path : store.basePath;
  } catch {
    return store.basePath;
  }
}

/**
 * Writes the next version: `work` runs on a private copy of the current one and says whether it
 * changed anything; a change is published, anything else (a refused file, an error) leaves the
 * current version as it was and removes the copy. The caller holds `VERSIONS_LOCK`.
 */
export async function publishVersion<T>(store: VersionStore, work: (db: Database) => Promise<{ result: T; changed: boolean }>): Promise<T> {
  mkdirSync(store.dir, { recursive: true });
  const stamp = `${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}`;
  const next = join(store.dir, `maillage-${stamp}.duckdb`);
  const scratch = `${next}.en-cours`;
  try {
    copyFileSync(currentVersionPath(store), scratch);
    const db = await openDatabase(scratch, { readers: 1 });
    let outcome: { result: T; changed: boolean };
    try {
      outcome = await work(db);
      await db.run('CHECKPOINT');
    } finally {
      db.close();
    }
    if (!outcome.changed) return outcome.result;
    renameSync(scratch, next);
    const pointer: VersionPointer = { file: basename(next), publishedAt: new Date().toISOString() };
    writeFileSync(`${store.pointerPath}.en-cours`, `${JSON.stringify(pointer)}\n`);
    renameSync(`${store.pointerPath}.en-cours`, store.pointerPath);
    prune(store, next);
    return outcome.result;
  } finally {
    rmSync(scratch, { force: true });
    rmSync(`${scratch}.wal`, { force: true });
  }
}

function prune(store: VersionStore, current: string) {
  const versions = readdirSync(store.dir)
    .filter((f) => /^maillage-.*\.duckdb$/.test(f))
    .map((f) => join(store.dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  // Removing a file a reader still has open is safe on POSIX: its reader keeps it until it closes.
  for (const old of versions.slice(KEEP)) if (old !== current) rmSync(old, { force: true });
}
