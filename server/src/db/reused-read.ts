/**
 * A read of a database reused for `reuseMs` while this process writes nothing to it (`db.writes`;
 * another process never writes an open database file), and redone at once after a write: calls
 * arriving together share one read. A failed read is not kept. Used by the data version and the
 * health check, both on the hot path.
 */
import type { Database } from './connection';

export function reusedRead<T>(reuseMs: number, read: (db: Database) => Promise<T>): (db: Database) => Promise<T> {
  const known = new WeakMap<Database, { writes: number; at: number; value: Promise<T> }>();
  return (db) => {
    const last = known.get(db);
    const now = performance.now();
    if (last && last.writes === db.writes && now - last.at < reuseMs) return last.value;
    const value = read(db);
    known.set(db, { writes: db.writes, at: now, value });
    value.catch(() => known.delete(db));
    return value;
  };
}
