/**
 * A reader's view of the current data version (data-versions.ts): the version's file opened
 * read-only, replaced whole when `versions/current.json` names another one — noticed by polling
 * the pointer (every 500 ms, works across processes and file systems) or at once by `refresh()`.
 * The new version is opened and warmed before it is switched in; each request takes the version
 * current when it starts (app.ts), so no answer mixes two versions; the old one is closed a
 * while later, once its requests are done.
 */
import { unwatchFile, watchFile } from 'node:fs';
import { openDatabase, type Database } from './connection';
import { currentVersionPath, type VersionStore } from './data-versions';

export interface LiveDatabase {
  current(): Database;
  /** Switches to the version the pointer names now, if it changed (resolves once switched). */
  refresh(): Promise<void>;
  close(): void;
}

export interface LiveOptions {
  /** Runs on a new version before it is switched in (loads what requests would otherwise load). */
  warm?: (db: Database) => Promise<void>;
  /** Runs on the old version once it is switched out, before its grace period (lets go of what only the current one may hold). */
  retire?: (db: Database) => Promise<void>;
  /** Milliseconds an old version stays open for requests that started on it (default 60 s). */
  graceMs?: number;
  pollMs?: number;
}

export async function openLiveDatabase(store: VersionStore, { warm = async () => {}, retire = async () => {}, graceMs = 60_000, pollMs = 500 }: LiveOptions = {}): Promise<LiveDatabase> {
  let path = currentVersionPath(store);
  let db = await openDatabase(path, { readOnly: true });
  const retired = new Set<Database>();
  let switching: Promise<void> = Promise.resolve();
  const refresh = () => {
    switching = switching.then(async () => {
      const next = currentVersionPath(store);
      if (next === path) return;
      const fresh = await openDatabase(next, { readOnly: true });
      try {
        await warm(fresh);
      } catch (err) {
        fresh.close();
        throw err;
      }
      const old = db;
      db = fresh;
      path = next;
      retired.add(old);
      await retire(old).catch((err) => console.error(`Version retirée : ${(err as Error).message}`));
      setTimeout(() => {
        retired.delete(old);
        old.close();
      }, graceMs).unref();
    }).catch((err) => {
      console.error(`Changement de version des données impossible : ${(err as Error).message}`);
    });
    return switching;
  };
  watchFile(store.pointerPath, { interval: pollMs }, () => void refresh());
  return {
    current: () => db,
    refresh,
    close() {
      unwatchFile(store.pointerPath);
      for (const old of retired) old.close();
      retired.clear();
      db.close();
    },
  };
}
