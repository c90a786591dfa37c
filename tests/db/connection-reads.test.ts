/**
 * The reader pool (server/src/db/connection.ts) streams each result chunk by chunk. A DuckDB
 * connection streams one result at a time, so reads that land on the same connection must follow
 * each other: many large reads issued together on one reader all come back whole and equal.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../server/src/db/connection';

describe('reader pool', () => {
  it('returns every row of many large reads issued at once on one connection', async () => {
    const db = await openDatabase(join(inject('fixtureDir'), 'maillage.duckdb'), { readOnly: true, readers: 1 });
    try {
      const n = (await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM communes'))[0]!.n;
      expect(n).toBeGreaterThan(2048 * 2); // more than two of DuckDB's chunks: streamed in several parts
      const reads = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        db.all<{ code: string }>(`SELECT code FROM communes ORDER BY code ${i % 2 ? 'DESC' : 'ASC'}`)));
      for (const rows of reads) expect(rows).toHaveLength(n);
      expect(reads[0]!.map((r) => r.code)).toEqual([...reads[1]!.map((r) => r.code)].reverse());
    } finally {
      db.close();
    }
  });
});
