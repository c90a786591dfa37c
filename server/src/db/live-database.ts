/**
 * A reader's view of the current data version (data-versions.ts): the version's file opened
 * read-only, replaced whole when `versions/current.json` names another one — noticed by polling
 * the pointer (every 500 ms, works across processes and file systems) or at once by `refresh()`.
 * The new version is opened and warmed before it is switched in; each request takes the version
 * current when it starts (app.ts), so no answer mixes two versions; the old one is closed once
 * the requests that started on it are done (in-flight.ts).
 */
import { unwatchFile, watchFile } from 'node:fs';
import { openDatabase, type Database } from './connection';
import { currentVersionPath, type VersionStore } from './data-versions';
import { whenIdle } from './in-flight';

export interface LiveDatabase {
  current(): Database;
  /** Switches to the version the pointer names now, if it changed (resolves once switched). */
  refresh(): Promise<void>;
  close(): void;
}

export interface LiveOptions {
  /** Runs on a new version before it is switched in (loads what requests would otherwise load). */
  warm?: (db: Database) => Promise<void>;
  /** Milliseconds an old version stays open at most for requests that started on it (default 60 s). */
  graceMs?: number;
  pollMs?: number;
}

export async function openLiveDatabase(store: VersionStore, { warm = async () => {}, graceMs = 60_000, pollMs = 500 }: LiveOptions = {}): Promise<LiveDatabase> {
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
      // Closed once the requests that started on it are done (at most graceMs): one process then
      // holds the state store's file through one version only, and no request loses its database.
      void whenIdle(old, graceMs).then(() => {
        retired.delete(old);
        old.close();
      });
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
