/**
 * Analyses run on the process's analysis workers (piscina), not on the request thread: the same
 * results as computed here, a deliberately blocking analysis that does not delay /api/health
 * (told by the order of events, not by timings), a worker crash answered with a French 503 and a
 * pool that goes on answering, and a bounded queue refused with 503 + Retry-After beyond it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import { ApiError } from '../../server/src/lib/api-error';
import { careInputs, cachedTask, type AnalysisContext } from '../../server/src/routes/analysis-context';
import { sharedCare, sharedTable } from '../../server/src/workers/analysis-inputs';
import { analysisPool, AnalysisPool } from '../../server/src/workers/analysis-pool';
import { runAnalysisTask } from '../../server/src/workers/analysis-tasks';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';

let f: FixtureApp;
let ctx: AnalysisContext;

beforeAll(async () => {
  f = await fixtureApp();
  // The first request attaches the state store's CPTS versions to the database (db/state-mirror.ts), as in the server.
  expect((await f.get('/api/coverage/cpts?territory=departement:44')).status).toBe(200);
  const topologyPath = join(f.dir, 'communes.topo.json');
  const { topologyFromFile } = await import('../../server/src/geo/topology-store');
  const store = topologyFromFile(topologyPath);
  ctx = { db: f.db, table: await loadCommuneTable(f.db), topology: () => store.get(), topologyPath, demo: true, date: '2026-06-01' };
});

afterAll(async () => {
  await f?.close();
});

describe('analyses on workers', () => {
  it('answer what the request thread would compute, the CPTS report with its per-commune table', async () => {
    const task = { op: 'cpts' as const, territory: { kind: 'departement' as const, code: '31' }, status: 'all' as const, date: '2026-06-01' };
    const before = analysisPool().stats().completed;
    const { value } = await cachedTask(ctx, 'essai-cpts-31', task);
    expect(analysisPool().stats().completed).toBe(before + 1);
    const { care } = await careInputs(ctx);
    const here = runAnalysisTask(task, { table: ctx.table, topology: ctx.topology, care });
    expect(value).toEqual(here);
    expect(value.parCommune).toHaveLength(here.parCommune.length);
    expect(value.parCommune.length).toBeGreaterThan(500);
    expect(value.parCommune).toEqual(here.parCommune);
    expect(Object.keys(value)).not.toContain('parCommune');
  });

  it('an API analysis is answered by a worker', async () => {
    const before = analysisPool().stats().completed;
    const res = await f.get('/api/access/snp?territory=departement:44');
    expect(res.status).toBe(200);
    expect(res.body.territoire.nom).toBe('Loire-Atlantique');
    expect(analysisPool().stats().completed).toBe(before + 1);
  });

  it('serialises the answer on the worker: the text the result serialised here would give', async () => {
    const before = analysisPool().stats().submitted;
    const res = await f.app.request('/api/access/2sfca?territory=departement:31&capacity=passages');
    expect(res.status).toBe(200);
    expect(analysisPool().stats().submitted).toBe(before + 1);
    const text = await res.text();
    const { territoire, parametres, versionDonnees } = JSON.parse(text);
    const { care } = await careInputs(ctx);
    const here = runAnalysisTask({ op: '2sfca', territory: { kind: 'departement', code: '31' }, capacity: 'passages' }, { table: ctx.table, topology: ctx.topology, care });
    expect(parametres).toEqual({ bands: here.report.methode.bandes, detourFactor: here.report.methode.coefficientDetour, capacity: 'passages' });
    expect(text).toBe(JSON.stringify({ territoire, parametres, versionDonnees, donneesDemonstration: here.demo, completude: here.completude, ...here.report }));
  });

  it('a blocking analysis does not delay /api/health nor a cached answer', async () => {
    await f.get('/api/access/snp?territory=departement:44'); // cached now
    const events: string[] = [];
    const submitted = analysisPool().stats().submitted;
    let settled = false;
    const blocking = cachedTask(ctx, 'essai-bloquer', { op: 'bloquer', ms: 6000 }).then(() => {
      settled = true;
      events.push('analyse bloquante terminée');
    });
    // Ask once the task is on its worker (handed to the pool, none waiting) — or, were it computed here, once it is done.
    while (!settled && (analysisPool().stats().submitted === submitted || analysisPool().stats().queued > 0)) await new Promise((r) => setImmediate(r));
    const health = await f.app.request('/api/health');
    events.push(`health ${health.status}`);
    const cached = await f.app.request('/api/access/snp?territory=departement:44');
    events.push(`réponse en cache ${cached.status}`);
    await blocking;
    expect(events).toEqual(['health 200', 'réponse en cache 200', 'analyse bloquante terminée']);
  });

  it('a worker that crashes fails its analysis alone with a French 503, and the pool answers the next ones', async () => {
    const crash = await cachedTask(ctx, 'essai-planter', { op: 'planter' }).then(() => null, (err: unknown) => err);
    expect(crash).toBeInstanceOf(ApiError);
    expect(crash).toMatchObject({ status: 503, code: 'calcul_interrompu', headers: { 'Retry-After': '5' } });
    expect((crash as Error).message).toMatch(/^Analyse interrompue : le fil de calcul s'est arrêté\. Réessayez dans 5 s\.$/);
    const before = analysisPool().stats().completed;
    const res = await f.get('/api/coverage/cpts?territory=departement:31');
    expect(res.status).toBe(200);
    expect(res.body.territoire.nom).toBe('Haute-Garonne');
    const again = await f.get('/api/access/2sfca?territory=departement:31');
    expect(again.status).toBe(200);
    expect(analysisPool().stats().completed).toBe(before + 2);
  });

  it('beyond its queue, refuses at once with 503 + Retry-After in French', async () => {
    const pool = new AnalysisPool({ threads: 1, queueMax: 1 });
    const { care } = await careInputs(ctx);
    const parts = { table: sharedTable(ctx.table), care: sharedCare(care), topologyPath: ctx.topologyPath! };
    try {
      await pool.run({ op: 'bloquer', ms: 0 }, parts); // its worker is ready
      const running = pool.run({ op: 'bloquer', ms: 3000 }, parts);
      while (pool.stats().queued > 0) await new Promise((r) => setImmediate(r));
      const waiting = pool.run({ op: 'bloquer', ms: 0 }, parts);
      const refused = await pool.run({ op: 'bloquer', ms: 0 }, parts).then(() => null, (err: unknown) => err);
      expect(refused).toMatchObject({ status: 503, code: 'serveur_occupe', headers: { 'Retry-After': '5' } });
      expect((refused as Error).message).toMatch(/^Serveur occupé : trop d'analyses en attente/);
      await expect(running).resolves.toBeNull();
      await expect(waiting).resolves.toBeNull();
    } finally {
      await pool.close();
    }
  });
});
