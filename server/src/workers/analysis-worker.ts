/**
 * An analysis worker of the pool (analysis-pool.ts, piscina): decodes the inputs a task carries
 * the first time it sees them (analysis-inputs.ts), reads the commune topology from its file
 * once, runs the task (analysis-tasks.ts) and returns the result, the CPTS report's per-commune
 * table beside it. Its own heap and event loop: an analysis of all France never holds the
 * request thread.
 */
import type { CommuneTable } from '../analysis/inputs';
import { topologyFromFile, type TopologyStore } from '../geo/topology-store';
import { decodeTable, DecodedParts, type AnalysisMessage } from './analysis-inputs';
import { packResult, runAnalysisTask, type CareInputs } from './analysis-tasks';

const tables = new DecodedParts<CommuneTable>(decodeTable, 2);
const cares = new DecodedParts<CareInputs>((v) => v as CareInputs, 4);
const topologies = new Map<string, TopologyStore>();

export default function analyse(message: AnalysisMessage) {
  let store = topologies.get(message.topologyPath);
  if (!store) topologies.set(message.topologyPath, (store = topologyFromFile(message.topologyPath)));
  const topology = store;
  const inputs = { table: tables.get(message.table), care: cares.get(message.care), topology: () => topology.get() };
  return packResult(runAnalysisTask(message.task, inputs));
}
