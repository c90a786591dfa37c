/**
 * The embedded state store: PGlite (PostgreSQL compiled to WebAssembly) with its data in a folder.
 * PGlite is one PostgreSQL backend inside this process: it serves one process. A second process
 * opening the same folder would corrupt it, so the folder holds `maillage-processus.json` (pid) for
 * as long as a process has it open, and another live process is refused in French; a dead one's
 * file is taken over. Locks (`withLock`) are therefore this process's own: no other process writes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { processAlive } from '../lib/process-alive';
import type { StateSql, StateStore } from './state-store';

export const PGLITE_OWNER_FILE = 'maillage-processus.json';

export class StateFolderBusy extends Error {}

function takeFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, PGLITE_OWNER_FILE);
  for (;;) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, depuis: new Date().toISOString() }), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let pid = 0;
      try {
        pid = Number(JSON.parse(readFileSync(file, 'utf8')).pid);
      } catch { /* unreadable: a process died while writing it */ }
      if (pid && pid !== process.pid && processAlive(pid)) {
        throw new StateFolderBusy(
          `le registre embarqué (PGlite, dossier ${dir}) est déjà ouvert par le processus ${pid} : PGlite ne sert qu'un processus à la fois. `
          + 'Arrêtez l\'autre processus, ou partagez un serveur PostgreSQL entre les processus (MAILLAGE_POSTGRES_URL=postgres://…).',
        );
      }
      if (pid === process.pid) throw new StateFolderBusy(`le registre embarqué (PGlite, dossier ${dir}) est déjà ouvert dans ce processus`);
      rmSync(file, { force: true });
    }
  }
  const release = () => {
    try {
      if (Number(JSON.parse(readFileSync(file, 'utf8')).pid) === process.pid) rmSync(file, { force: true });
    } catch { /* already gone */ }
  };
  process.once('exit', release);
  return () => {
    process.off('exit', release);
    release();
  };
}

const sqlOf = (db: Pick<PGlite, 'query'>): StateSql => ({
  query: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
});

/** Opens (creating it when absent) the PGlite folder `dir`; in memory when `dir` is null. */
export async function openPgliteStore(dir: string | null): Promise<StateStore> {
  const release = dir ? takeFolder(dir) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(dir ?? undefined);
  } catch (err) {
    release();
    throw err;
  }
  const locks = new Map<string, Promise<unknown>>();
  return {
    kind: 'pglite',
    where: dir ? `PGlite ${dir}` : 'PGlite (en mémoire)',
    ...sqlOf(db),
    transaction: (work) => db.transaction((tx) => work(sqlOf(tx))),
    withLock: <T>(name: string, work: () => Promise<T>) => {
      const before = locks.get(name) ?? Promise.resolve();
      const run = before.then(work, work);
      locks.set(name, run.catch(() => {}));
      return run;
    },
    listen: async (channel, fn) => {
      const stop = await db.listen(channel, fn);
      return () => stop();
    },
    close: async () => {
      try {
        if (!db.closed) await db.close();
      } finally {
        release();
      }
    },
  };
}
