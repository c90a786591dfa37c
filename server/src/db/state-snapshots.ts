/**
 * The state store (roles, proposals, CPTS versions, audit log) for reader processes. DuckDB lets one
 * process hold a file open for writing and no other process open it at all, so the writer publishes
 * it: after its writes (looked at every 250 ms) it checkpoints the store, copies the file aside as a
 * snapshot and points `etat-instantanes/courant.json` at it (written aside and renamed: atomic).
 *
 * A read-only process (MAILLAGE_READ_ONLY=1) never opens the store's file while snapshots exist: it
 * keeps an in-memory copy of the newest one, replaced in one transaction within a second of each
 * publication (a request sees the old copy or the new one, never a part of each). So signed-in users
 * are served by every process of a deployment and a revoked role stops applying everywhere within a
 * second; writes to the store go to the writer (readers refuse them: lib/read-only-writes.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from './connection';
import { STATE_SCHEMA, STATE_SCHEMA_VERSION, STATE_SPECS } from './state-schema';

const DIR = 'etat-instantanes';
const POINTER = 'courant.json';
/** Snapshots kept besides the current one, for readers still copying an older one. */
const KEEP = 4;
const SNAPSHOT_ALIAS = 'etat_instantane';

export const snapshotsDir = (statePath: string) => join(dirname(statePath), DIR);
const pointerPath = (statePath: string) => join(snapshotsDir(statePath), POINTER);
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const hasSnapshot = (statePath: string) => existsSync(pointerPath(statePath));

let sequence = 0;

/** Writer side: the store as it is now, published as the newest snapshot. */
export async function publishSnapshot(db: Database, statePath: string): Promise<string> {
  const dir = snapshotsDir(statePath);
  mkdirSync(dir, { recursive: true });
  const name = `etat-${String(Date.now()).padStart(15, '0')}-${process.pid}-${sequence++}.duckdb`;
  const aside = join(dir, `${name}.partiel`);
  // No write may touch the file between its checkpoint and its copy: the writer is held meanwhile.
  await db.exclusive(async (writer) => {
    await writer.run(`CHECKPOINT ${STATE_SCHEMA}`);
    copyFileSync(statePath, aside);
  });
  renameSync(aside, join(dir, name));
  const pointer = pointerPath(statePath);
  writeFileSync(`${pointer}.partiel`, JSON.stringify({ fichier: name, publie: new Date().toISOString() }));
  renameSync(`${pointer}.partiel`, pointer);
  const old = readdirSync(dir).filter((f) => f.startsWith('etat-') && f.endsWith('.duckdb') && f !== name).sort();
  for (const f of old.slice(0, Math.max(0, old.length - KEEP))) rmSync(join(dir, f), { force: true });
  return name;
}

/**
 * Writer side: publishes a snapshot (resolving once it is out, so readers started afterwards find
 * it) and again after each write of this process (the current database may change: data versions).
 * Resolves to a function that stops it.
 */
export async function startSnapshotPublisher(current: () => Database, statePath: string, everyMs = 250): Promise<() => void> {
  const published = new WeakMap<Database, number>();
  const first = current();
  await publishSnapshot(first, statePath);
  published.set(first, first.writes);
  let running = false;
  const tick = () => {
    const db = current();
    if (running || published.get(db) === db.writes) return;
    running = true;
    publishSnapshot(db, statePath)
      .then(() => void published.set(db, db.writes))
      .catch((err) => console.error(`Publication de l’état pour les lecteurs impossible : ${(err as Error).message}`))
      .finally(() => (running = false));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Reader side: replaces the in-memory store of `db` by the newest snapshot, in one transaction. */
async function loadSnapshot(db: Database, statePath: string): Promise<void> {
  const { fichier } = JSON.parse(readFileSync(pointerPath(statePath), 'utf8')) as { fichier: string };
  await db.exclusive(async (w) => {
    await w.run(`ATTACH ${quote(join(snapshotsDir(statePath), fichier))} AS ${SNAPSHOT_ALIAS} (READ_ONLY)`);
    try {
      const [v] = await w.all<{ value: string }>(`SELECT value FROM ${SNAPSHOT_ALIAS}.meta WHERE key = 'state_schema_version'`);
      if (v?.value !== String(STATE_SCHEMA_VERSION)) throw new Error(`instantané ${fichier} au schéma ${v?.value ?? '?'}, ce processus lit le schéma ${STATE_SCHEMA_VERSION}`);
      await w.run('BEGIN TRANSACTION');
      try {
        for (const spec of STATE_SPECS) {
          await w.run(`DELETE FROM ${STATE_SCHEMA}.${spec.name}`);
          await w.run(`INSERT INTO ${STATE_SCHEMA}.${spec.name} SELECT * FROM ${SNAPSHOT_ALIAS}.${spec.name}`);
        }
        await w.run('COMMIT');
      } catch (err) {
        await w.run('ROLLBACK');
        throw err;
      }
    } finally {
      await w.run(`DETACH ${SNAPSHOT_ALIAS}`);
    }
  });
}

const mirrors = new Map<string, Set<Database>>();

/**
 * Reader side: `db`'s `etat` (an in-memory store with the schema's tables) follows the snapshots of
 * the store at `statePath` from now on: loaded once before this resolves, then at each publication.
 */
export async function mirrorSnapshots(db: Database, statePath: string, pollMs = 500): Promise<void> {
  await loadSnapshot(db, statePath);
  const pointer = pointerPath(statePath);
  let dbs = mirrors.get(pointer);
  if (!dbs) {
    const followed = (dbs = new Set());
    mirrors.set(pointer, followed);
    let queue: Promise<void> = Promise.resolve();
    watchFile(pointer, { interval: pollMs }, () => {
      queue = queue.then(async () => {
        for (const d of [...followed]) {
          // A database closed since (an old data version) leaves the set; a failure is said, and retried at the next publication.
          if (d.closed) followed.delete(d);
          else await loadSnapshot(d, statePath).catch((err) => console.error(`État des lecteurs non rechargé : ${(err as Error).message}`));
        }
        if (followed.size === 0) {
          unwatchFile(pointer);
          mirrors.delete(pointer);
        }
      });
    });
  }
  dbs.add(db);
}
