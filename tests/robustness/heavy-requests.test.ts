/**
 * Items 3 and 4 of issue 11: one heavy request must not freeze the others, and anonymous
 * requests cannot make the server compute without end.
 * - request bodies are limited (413 in French, before the body is buffered);
 * - the dissolve of a France-wide perimeter runs on the geometry worker: /api/health answers while
 *   it is still running (checked as an order of events, not as a time);
 * - the geometry queue and the analysis cap are bounded (503 + Retry-After in French), a cached
 *   answer is never refused, and work whose client has disconnected is dropped or stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { openDatabase, type Database } from '../../server/src/db/connection';
import { topologyFromFile } from '../../server/src/geo/topology-store';
import { computeLimiterOf } from '../../server/src/lib/compute-limiter';
import { QUEUE_MAX } from '../../server/src/workers/geometry-pool';
import { geometryPoolOf } from '../../server/src/workers/run-geometry';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { freshState, type FreshState } from '../helpers/state-fixture';
import { FRANCE_DB, FRANCE_TOPOLOGY, requireBuiltFrance } from '../helpers/paths';

const json = (body: unknown, init: RequestInit = {}): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, ...init });
/** Lets pending callbacks run until `done()` holds (waits for the state asserted, not for a delay). */
async function until(done: () => boolean, what: string, tries = 20_000) {
  for (let i = 0; i < tries && !done(); i++) await new Promise((r) => setTimeout(r, 1));
  if (!done()) throw new Error(`jamais atteint : ${what}`);
}

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp();
});
afterAll(() => f.close());

describe('request body limits', () => {
  it('refuses a body over 2 Mo with a French 413, announced or streamed', async () => {
    const big = `{"communes": [${'"44109",'.repeat(300_000)}"44109"]}`;
    const announced = await f.app.request('/api/neighbourhood', { method: 'POST', body: big, headers: { 'content-type': 'application/json' } });
    expect(announced.status).toBe(413);
    expect(await announced.json()).toEqual({ error: { code: 'trop_volumineux', message: expect.stringMatching(/^Corps de requête trop volumineux : 2 Mo au plus/), issues: [] } });
    const bytes = new TextEncoder().encode(big);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(sent, sent + 65_536));
        sent += 65_536;
      },
    });
    const streamed = await f.app.request('/api/perimeter', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sent, 'the streamed body is not read to its end').toBeLessThan(bytes.length);
  });

  it('keeps the largest valid body (40 000 codes) under the limit', async () => {
    const res = await f.app.request('/api/perimeter', json({ communes: Array(40_001).fill('44109') }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/au plus 40 000 communes/);
  });
});

describe('the geometry worker (built France data)', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let store: ReturnType<typeof topologyFromFile>;
  let codes: string[];
  let state: FreshState;
  beforeAll(async () => {
    requireBuiltFrance();
    db = await openDatabase(FRANCE_DB, { readOnly: true });
    state = await freshState();
    store = topologyFromFile(FRANCE_TOPOLOGY);
    app = createApp({ db, state: state.store, topology: store, config: { basemap: 'offline', editorToken: null, demo: true } });
    codes = (await db.all<{ code: string }>('SELECT code FROM communes ORDER BY code')).map((r) => r.code);
  });
  afterAll(async () => {
    geometryPoolOf(store, await loadCommuneTable(db))?.close();
    db.close();
    await state.close();
  });

  it('answers /api/health while the dissolve of all France is still running', async () => {
    const pool = geometryPoolOf(store, await loadCommuneTable(db))!;
    let heavyDone = false;
    const heavy = Promise.resolve(app.request('/api/perimeter', json({ communes: codes }))).then((r) => {
      heavyDone = true;
      return r;
    });
    await until(() => pool.stats().running === 1, 'le calcul lourd a commencé');
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(heavyDone, 'the heavy request was still running when /api/health answered').toBe(false);
    expect(pool.stats().running).toBe(1);
    const res = await heavy;
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).properties.communes).toBe(codes.length);
  }, 60_000);

  it('stops the work of a client that disconnects, and the next request gets a fresh worker', async () => {
    const pool = geometryPoolOf(store, await loadCommuneTable(db))!;
    const before = { ...pool.counters };
    const client = new AbortController();
    const gone = Promise.resolve(app.request('/api/perimeter', json({ communes: codes }, { signal: client.signal }))).catch((e: Error) => e);
    await until(() => pool.stats().running === 1, 'le calcul a commencé');
    client.abort();
    await gone;
    await until(() => pool.stats().running === 0, 'le calcul est arrêté');
    const next = await app.request('/api/perimeter', json({ communes: ['44109'] }));
    expect(next.status).toBe(200);
    expect(pool.counters.workers).toBe(before.workers + 1);
  }, 60_000);

  it(`refuses a task beyond ${QUEUE_MAX} waiting with 503 + Retry-After, in French`, async () => {
    const pool = geometryPoolOf(store, await loadCommuneTable(db))!;
    const tasks = Array.from({ length: QUEUE_MAX + 2 }, () => pool.run({ op: 'neighbours', codes: ['44109'] }).then(() => null, (e) => e));
    const outcomes = await Promise.all(tasks);
    const refused = outcomes.filter((o) => o !== null);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ status: 503, code: 'serveur_occupe', headers: { 'Retry-After': '5' } });
    expect(refused[0].message).toMatch(/^Serveur occupé : trop de calculs géométriques en attente/);
  });
});

describe('the cap on uncached analyses', () => {
  it('refuses an uncached analysis with 503 + Retry-After when the cap is full, never a cached one, and drops a queued one whose client left', async () => {
    const cached = '/api/access/snp?territory=departement:44&thresholdKm=31';
    expect((await f.app.request(cached)).status).toBe(200);
    const limiter = computeLimiterOf(f.db);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holders = Array.from({ length: limiter.concurrency }, () => limiter.run(() => held));
    // A request whose client leaves while it waits in the queue: its analysis never runs.
    const client = new AbortController();
    const leaving = f.app.request('/api/access/snp?territory=departement:44&thresholdKm=33', { signal: client.signal });
    await until(() => limiter.stats().queued === 1, 'la requête attend son tour');
    client.abort();
    expect((await leaving).status).toBe(503);
    expect(limiter.stats().queued).toBe(0);
    const waiters = Array.from({ length: limiter.queueMax }, () => limiter.run(() => held));
    await until(() => limiter.stats().queued === limiter.queueMax, 'la file est pleine');

    const refused = await f.app.request('/api/access/snp?territory=departement:44&thresholdKm=32');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as any).error).toMatchObject({ code: 'serveur_occupe', message: expect.stringMatching(/^Serveur occupé : trop de calculs en cours/) });
    expect((await f.app.request(cached)).status, 'a cached answer is never refused').toBe(200);

    release();
    await Promise.all([...holders, ...waiters]);
    expect((await f.app.request('/api/access/snp?territory=departement:44&thresholdKm=32')).status).toBe(200);
  });
});

describe('the cap on uncached analyses, seen from outside', () => {
  it('refuses some of 40 distinct uncached analyses sent at once with 503 + Retry-After, in French, and answers the others', async () => {
    // Before the cap every one of them was computed (all 200), however many came at once.
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => f.app.request(`/api/access/snp?territory=departement:44&thresholdKm=${41 + i}`)));
    const refused = answers.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(answers.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(refused[0]!.headers.get('retry-after')).toBe('5');
    expect(((await refused[0]!.json()) as any).error).toMatchObject({ code: 'serveur_occupe', message: expect.stringMatching(/^Serveur occupé : trop de calculs en cours/) });
  });
});
