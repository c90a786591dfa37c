/** Fixed one-minute windows of the rate limits, in the state store: every process counts in the same rows. */
import type { StateSql } from './state-store';

/** Counts one hit of `key` in the current minute of `name`; the hits of that minute so far. */
export async function hitWindow(sql: StateSql, name: string, key: string, now = Date.now()): Promise<number> {
  const minute = Math.floor(now / 60_000);
  const [row] = await sql.query<{ hits: number }>(
    `INSERT INTO etat.rate_windows VALUES ($1, $2, $3, 1)
     ON CONFLICT (name, key, window_start) DO UPDATE SET hits = etat.rate_windows.hits + 1 RETURNING hits`,
    [name, key, minute],
  );
  return row!.hits;
}

/** Drops the windows older than a few minutes (called now and then by the writers of windows). */
export async function dropOldWindows(sql: StateSql, now = Date.now()): Promise<void> {
  await sql.query('DELETE FROM etat.rate_windows WHERE window_start < $1', [Math.floor(now / 60_000) - 5]);
}
