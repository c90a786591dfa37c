/**
 * What every analysis endpoint needs: the commune table (loaded once per process: the geography
 * does not change while it runs), the topology, the care offer at the current data version
 * (cached), the demonstration setting, and the territory checked against the database.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../context';
import type { CommuneRef, CommuneTable } from '../analysis/inputs';
import { communesOf, formatTerritory, territoryName, territorySlug, type Territory } from '../analysis/territory';
import { loadCommuneTable, loadCompleteness, loadCpts, loadProtocols, loadSas, loadStructures } from '../db/analysis-queries';
import type { Database } from '../db/connection';
import type { LoadedTopology } from '../geo/topology-store';
import { notFound } from '../lib/api-error';
import { cachedResult, referenceData } from '../lib/analysis-cache';
import { computeLimiterOf } from '../lib/compute-limiter';
import { nextTurn } from '../lib/next-turn';
import { sharedCare, sharedTable } from '../workers/analysis-inputs';
import { analysisPool } from '../workers/analysis-pool';
import { runAnalysisTask, type AnalysisResult, type AnalysisTask, type CareInputs } from '../workers/analysis-tasks';

export type { CareInputs };

export interface AnalysisContext {
  db: Database;
  table: CommuneTable;
  topology: () => LoadedTopology;
  /** The topology's file, when it is one: analyses then run on the process's workers (workers/analysis-pool.ts). */
  topologyPath?: string;
  demo: boolean;
  /** AAAA-MM-JJ of the request scope: CPTS perimeters and statuses as they were that day. */
  date: string;
  /** Aborted when the client disconnects: its queued computation is dropped. */
  signal?: AbortSignal;
}

export interface ResolvedTerritory {
  territory: Territory;
  code: string;
  slug: string;
  nom: string;
  communes: CommuneRef[];
  population: number;
}

export async function analysisContext(c: Context<AppEnv>): Promise<AnalysisContext> {
  const db = c.get('db');
  const store = c.get('topology');
  return {
    db, table: await referenceData(db, 'communes', () => loadCommuneTable(db)), topology: () => store.get(), topologyPath: store.path, demo: c.get('scope').demo,
    date: c.get('scope').date, signal: c.req.raw.signal,
  };
}

export function resolveTerritory(ctx: AnalysisContext, territory: Territory): ResolvedTerritory {
  const nom = territoryName(territory, ctx.table);
  if (nom === null) throw notFound(`Territoire ${formatTerritory(territory)} inconnu de la base.`);
  const communes = communesOf(territory, ctx.table);
  return { territory, code: formatTerritory(territory), slug: territorySlug(territory), nom, communes, population: communes.reduce((s, x) => s + x.population, 0) };
}

/** The care offer at the current data version (one load per version, demo setting and date). */
export async function careInputs(ctx: AnalysisContext): Promise<{ care: CareInputs; version: string }> {
  const { value, version } = await cachedResult(ctx.db, `care|${ctx.demo}|${ctx.date}`, async () => {
    const filter = { demo: ctx.demo };
    const [structures, cpts, sas, protocols, completeness] = await Promise.all([
      loadStructures(ctx.db, filter), loadCpts(ctx.db, { ...filter, date: ctx.date }), loadSas(ctx.db, filter), loadProtocols(ctx.db, filter), loadCompleteness(ctx.db, filter),
    ]);
    return { structures, cpts, sas, ...protocols, completeness };
  });
  return { care: value, version };
}

/**
 * A computed result at the current data version, cached by `key` (parameters), demo setting and date.
 * A result not in the cache is computed under the process's cap (lib/compute-limiter.ts): when
 * too many are already running and waiting, the request is refused with 503 + Retry-After.
 */
export async function cachedAnalysis<T>(ctx: AnalysisContext, key: string, compute: (care: CareInputs) => T | Promise<T>): Promise<{ value: T; version: string }> {
  const limiter = computeLimiterOf(ctx.db);
  const { value, version } = await cachedResult(ctx.db, `${key}|${ctx.demo}|${ctx.date}`, () =>
    limiter.run(async () => {
      const { care } = await careInputs(ctx);
      await nextTurn();
      return compute(care);
    }, ctx.signal));
  return { value, version };
}

/**
 * An analysis task (workers/analysis-tasks.ts) on the version's inputs, under the process's cap
 * (lib/compute-limiter.ts: 503 + Retry-After when too many wait). With a topology file it runs on
 * the process's analysis workers (workers/analysis-pool.ts), the version's inputs shared with them
 * once; without one (some tests), on this thread.
 */
export async function runTask<T extends AnalysisTask>(ctx: AnalysisContext, task: T): Promise<AnalysisResult<T>> {
  return computeLimiterOf(ctx.db).run(async () => {
    const { care } = await careInputs(ctx);
    if (ctx.topologyPath) return analysisPool().run(task, { table: sharedTable(ctx.table), care: sharedCare(care), topologyPath: ctx.topologyPath }, ctx.signal);
    await nextTurn();
    return runAnalysisTask(task, { table: ctx.table, topology: ctx.topology, care });
  }, ctx.signal);
}

/** `runTask`, its result cached at the current data version like `cachedAnalysis`. */
export async function cachedTask<T extends AnalysisTask>(ctx: AnalysisContext, key: string, task: T): Promise<{ value: AnalysisResult<T>; version: string }> {
  const { value, version } = await cachedResult(ctx.db, `${key}|${ctx.demo}|${ctx.date}`, () => runTask(ctx, task));
  return { value, version };
}

export function territoryHeader(t: ResolvedTerritory) {
  return { code: t.code, nom: t.nom, population: t.population, communes: t.communes.length };
}

/**
 * An answer's JSON text already made (its heavy part serialised on an analysis worker, see
 * lib/join-json.ts), cached as `cachedJsonText` keeps its texts (the same key).
 */
export async function cachedText(ctx: AnalysisContext, key: string, make: () => Promise<string>): Promise<string> {
  const { value } = await cachedResult(ctx.db, `${key}|json|${ctx.demo}|${ctx.date}`, make);
  return value;
}

/**
 * The JSON text of a response body at the current data version, cached like the results it is
 * made of: a cached answer costs one version read and no serialisation.
 */
export async function cachedJsonText(ctx: AnalysisContext, key: string, body: () => Promise<unknown>): Promise<string> {
  // Serialising a computed result is cheap: never refused, never queued.
  const { value } = await cachedResult(ctx.db, `${key}|json|${ctx.demo}|${ctx.date}`, async () => {
    const made = await body();
    await nextTurn();
    return JSON.stringify(made);
  });
  return value;
}
