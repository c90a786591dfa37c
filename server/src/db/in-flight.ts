/**
 * Requests running on each database (a data version): the app counts them in and out, so that a
 * version switched out is closed as soon as the requests that started on it are done — not at a
 * fixed delay, and never under one of them (live-database.ts). Per process, like the files it holds.
 */
import type { Database } from './connection';

const running = new WeakMap<Database, number>();
const waiting = new WeakMap<Database, (() => void)[]>();

export function enter(db: Database): void {
  running.set(db, (running.get(db) ?? 0) + 1);
}

export function leave(db: Database): void {
  const n = Math.max(0, (running.get(db) ?? 1) - 1);
  running.set(db, n);
  if (n === 0) for (const resume of waiting.get(db)?.splice(0) ?? []) resume();
}

/** Resolves once no request runs on `db` any more, or after `maxMs` at the latest. */
export function whenIdle(db: Database, maxMs: number): Promise<void> {
  if (!running.get(db)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    timer.unref();
    const list = waiting.get(db) ?? [];
    waiting.set(db, list);
    list.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
