/**
 * Worker thread of the geometry pool (geometry-pool.ts): reads the commune topology from its
 * file, receives the commune table once, then runs one task per message and answers
 * `{ id, ok, value | message }`. Its own heap: a heavy dissolve never blocks the request thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { communeTable, type CommuneRef, type CommuneTable } from '../analysis/inputs';
import { topologyFromFile } from '../geo/topology-store';
import { runGeometryTask, type GeometryTask } from './geometry-tasks';

export interface WorkerInit {
  topologyPath: string;
  communes: CommuneRef[];
  /** The arrondissements municipaux (CommuneTable.arrondissements, flattened). */
  arrondissements: CommuneRef[];
  names: { [K in keyof CommuneTable['names']]: [string, string][] };
}

const init = workerData as WorkerInit;
const store = topologyFromFile(init.topologyPath);
const table = communeTable(init.communes, {
  regions: new Map(init.names.regions), departements: new Map(init.names.departements), epci: new Map(init.names.epci),
}, init.arrondissements);

parentPort!.on('message', ({ id, task }: { id: number; task: GeometryTask }) => {
  try {
    parentPort!.postMessage({ id, ok: true, value: runGeometryTask(task, store.get(), table) });
  } catch (err) {
    parentPort!.postMessage({ id, ok: false, message: (err as Error).message, name: (err as Error).name, codes: (err as { codes?: string[] }).codes });
  }
});
