/**
 * Issue 10, item 5: an import reads and checks its file on a worker thread, so that the server
 * answers other requests meanwhile. Shown by the order of events, not by timings: once the
 * preparation of a 200 000-record FINESS file has started, the event loop turns (a 0 ms timer
 * fires) and `/api/health` answers while the file is still being decoded and parsed — the
 * preparation has not yet asked the database anything (it does once the file is read, to resolve
 * its communes). On the request thread, the timer could only fire once the file had been read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticFiness, type SyntheticCommune } from '../../scripts/bench/finess/synthetic-finess';
import { preparationStats } from '../../server/src/imports/prepare-off-thread';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';

const TOKEN = { authorization: 'Bearer jeton-de-test' };
let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

describe('an import of a large file', () => {
  it('lets /api/health answer while its file is still being read and checked', async () => {
    const communes = await f.db.all<SyntheticCommune>('SELECT code, departement, label_lon AS lon, label_lat AS lat FROM communes WHERE geometry IS NOT NULL ORDER BY code');
    const file = syntheticFiness(communes, 200_000, 7);
    const before = preparationStats();
    expect(before.running).toBe(0);
    const importing = f.app.request('/api/imports/finess?nom=etalab-cs1100507-stock-synthetique.csv', {
      method: 'POST', headers: { ...TOKEN, 'content-type': 'text/csv' }, body: new Uint8Array(file.bytes),
    });
    await expect.poll(() => preparationStats().running, { timeout: 30_000, interval: 5 }).toBe(1);
    const afterATurn = await new Promise((resolve) => setTimeout(() => resolve(preparationStats()), 0));
    expect(afterATurn).toEqual({ running: 1, reads: before.reads });
    const health = await f.app.request('/api/health');
    expect(health.status).toBe(200);
    expect(preparationStats()).toEqual({ running: 1, reads: before.reads });
    const res = await importing;
    expect(res.status).toBe(201);
    const body = (await res.json()) as { statut: string; lignes: { acceptees: number } };
    expect(body.statut).toBe('appliqué');
    expect(body.lignes.acceptees).toBe(file.kept);
    expect(preparationStats().running).toBe(0);
    expect(preparationStats().reads).toBeGreaterThan(before.reads);
  }, 120_000);
});
