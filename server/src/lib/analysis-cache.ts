/**
 * Per-process cache of analysis results, keyed by the database's data version and the request's
 * parameters. Every import increments `meta.data_version` in its own transaction, so a new version
 * empties the cache; several server processes each keep their own and stay consistent because
 * they all read the version from the same database. Results are kept as promises so that
 * concurrent identical requests compute once; a failure is not kept.
 */
import type { Database } from '../db/connection';
import { dataVersion } from '../db/analysis-queries';

export interface CacheStats {
  hits: number;
  misses: number;
}

interface DbCache {
  version: string;
  entries: Map<string, Promise<unknown>>;
  stats: CacheStats;
}

const MAX_ENTRIES = 64;
const caches = new WeakMap<Database, DbCache>();

function cacheOf(db: Database): DbCache {
  let c = caches.get(db);
  if (!c) {
    c = { version: '', entries: new Map(), stats: { hits: 0, misses: 0 } };
    caches.set(db, c);
  }
  return c;
}

/** The result for `key` at the current data version, computed by `compute` when missing. */
export async function cachedResult<T>(db: Database, key: string, compute: (version: string) => Promise<T>): Promise<{ value: T; version: string; cached: boolean }> {
  const version = await dataVersion(db);
  const cache = cacheOf(db);
  if (cache.version !== version) {
    cache.entries.clear();
    cache.version = version;
  }
  const full = `${version}|${key}`;
  const hit = cache.entries.get(full) as Promise<T> | undefined;
  if (hit) {
    cache.stats.hits++;
    // Refresh recency (Map keeps insertion order: the first key is the least recently used).
    cache.entries.delete(full);
    cache.entries.set(full, hit);
    return { value: await hit, version, cached: true };
  }
  cache.stats.misses++;
  const pending = compute(version);
  cache.entries.set(full, pending);
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  try {
    return { value: await pending, version, cached: false };
  } catch (err) {
    if (cache.entries.get(full) === pending) cache.entries.delete(full);
    throw err;
  }
}

export function cacheStats(db: Database): CacheStats {
  return { ...cacheOf(db).stats };
}

/** Reference data that never changes while the process runs (the built geography), once per database. */
const references = new WeakMap<Database, Map<string, Promise<unknown>>>();

export function referenceData<T>(db: Database, name: string, load: () => Promise<T>): Promise<T> {
  let m = references.get(db);
  if (!m) references.set(db, (m = new Map()));
  let p = m.get(name) as Promise<T> | undefined;
  if (!p) {
    p = load();
    m.set(name, p);
    p.catch(() => m!.delete(name));
  }
  return p;
}
