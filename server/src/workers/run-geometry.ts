/**
 * Runs a geometry task for a request: on the process's geometry worker (one per topology file,
 * started on first use), with the request's abort signal, so that a client that disconnects
 * stops its work. A topology that is not a file (some tests) is computed on the request thread.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../context';
import type { TopologyStore } from '../geo/topology-store';
import type { AnalysisContext } from '../routes/analysis-context';
import { GeometryPool } from './geometry-pool';
import { runGeometryTask, type GeometryResult, type GeometryTask } from './geometry-tasks';

const pools = new WeakMap<TopologyStore, GeometryPool>();

export function geometryPoolOf(store: TopologyStore, table: AnalysisContext['table']): GeometryPool | null {
  if (!store.path) return null;
  let pool = pools.get(store);
  if (!pool) pools.set(store, (pool = new GeometryPool(store.path, table)));
  return pool;
}

export function runGeometry<T extends GeometryTask>(c: Context<AppEnv>, ctx: AnalysisContext, task: T): Promise<GeometryResult<T>> {
  const pool = geometryPoolOf(c.get('topology'), ctx.table);
  if (!pool) return Promise.resolve(runGeometryTask(task, ctx.topology(), ctx.table));
  return pool.run(task, c.req.raw.signal);
}
