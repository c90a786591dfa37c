/**
 * The geometry work of the perimeter and neighbourhood routes, as tasks that a worker thread can
 * run (geometry-worker.ts) or, without a topology file, the request thread itself. Pure: the
 * topology and the commune table in, plain data out.
 */
import { geometryCodeOf, type CommuneTable } from '../analysis/inputs';
import { perimeter, type PerimeterFeature } from '../analysis/perimeter';
import { borderingPolygons } from '../geo/bordering';
import type { LoadedTopology } from '../geo/topology-store';

export type GeometryTask =
  | { op: 'perimeter'; codes: string[] }
  /** Communes along the border of `codes` (whose territory lies in a bordering polygon). */
  | { op: 'neighbours'; codes: string[] };

export type GeometryResult<T extends GeometryTask> = T extends { op: 'perimeter' } ? PerimeterFeature : string[];

export function runGeometryTask<T extends GeometryTask>(task: T, topology: LoadedTopology, table: CommuneTable): GeometryResult<T> {
  if (task.op === 'perimeter') return perimeter(topology, table, task.codes) as GeometryResult<T>;
  const members = new Set(task.codes);
  const polygons = new Set(task.codes.map((code) => geometryCodeOf(table.byCode.get(code)!)));
  const bordering = new Set(borderingPolygons(topology, polygons));
  return table.list.filter((x) => !members.has(x.code) && bordering.has(geometryCodeOf(x))).map((x) => x.code) as GeometryResult<T>;
}
