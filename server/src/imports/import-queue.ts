/**
 * Imports and declarations run on one database one after the other (one writer, one transaction at
 * a time, journal lines in the order of their commits): the queue they all go through.
 */
import type { Database } from '../db/connection';

const queues = new WeakMap<Database, Promise<unknown>>();

export function oneAtATime<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(db, next.catch(() => undefined));
  return next;
}
