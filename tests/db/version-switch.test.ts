/**
 * A data version switched out (db/live-database.ts) stays open for the requests that started on
 * it (db/in-flight.ts) and is closed as soon as the last of them is done: no request loses its
 * database under it, and the old version does not linger beside the new one.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { publishVersion, versionStore } from '../../server/src/db/data-versions';
import { enter, leave } from '../../server/src/db/in-flight';
import { openLiveDatabase } from '../../server/src/db/live-database';

const dir = mkdtempSync(join(tmpdir(), 'maillage-bascule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('switching data versions', () => {
  it('keeps the old version open for its running request, then closes it when that request ends', async () => {
    copyFileSync(join(inject('fixtureDir'), 'maillage.duckdb'), join(dir, 'maillage.duckdb'));
    const store = versionStore(join(dir, 'maillage.duckdb'));
    const live = await openLiveDatabase(store, { pollMs: 60_000 });
    try {
      const old = live.current();
      enter(old); // a request starts on the current version
      await publishVersion(store, async (db) => {
        await db.run("UPDATE meta SET value = '2' WHERE key = 'data_version'");
        return { result: null, changed: true };
      });
      await live.refresh();
      const fresh = live.current();
      expect(fresh).not.toBe(old);
      expect((await fresh.all<{ value: string }>("SELECT value FROM meta WHERE key = 'data_version'"))[0]!.value).toBe('2');
      // The running request still reads its own version, whole.
      expect(old.closed).toBe(false);
      expect((await old.all<{ value: string }>("SELECT value FROM meta WHERE key = 'data_version'"))[0]!.value).toBe('1');
      leave(old); // … and ends
      await expect.poll(() => old.closed, { timeout: 5_000, interval: 10 }).toBe(true);
      expect(fresh.closed).toBe(false);
    } finally {
      live.close();
    }
  });
});
