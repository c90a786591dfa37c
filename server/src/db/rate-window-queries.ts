/**
 * The rate limits' hits in the state store, by second: every process counts in the same rows, and
 * a limit counts the last 60 seconds (a sliding minute: a burst is never split by a window's edge).
 */
import type { StateSql } from './state-store';

/** Counts one hit of `key` for `name`; the hits of the last 60 seconds, this one included. */
export async function hitWindow(sql: StateSql, name: string, key: string, now = Date.now()): Promise<number> {
  const second = Math.floor(now / 1000);
  const [row] = await sql.query<{ hits: number }>(
    `WITH hit AS (
       INSERT INTO etat.rate_windows VALUES ($1, $2, $3, 1)
       ON CONFLICT (name, key, window_start) DO UPDATE SET hits = etat.rate_windows.hits + 1 RETURNING hits)
     SELECT ((SELECT hits FROM hit) + coalesce((SELECT sum(hits) FROM etat.rate_windows
       WHERE name = $1 AND key = $2 AND window_start > $3 - 60 AND window_start < $3), 0))::integer AS hits`,
    [name, key, second],
  );
  return row!.hits;
}

/** Drops the hits older than the minute that counts (called now and then by the writers of hits). */
export async function dropOldWindows(sql: StateSql, now = Date.now()): Promise<void> {
  await sql.query('DELETE FROM etat.rate_windows WHERE window_start <= $1', [Math.floor(now / 1000) - 60]);
}
