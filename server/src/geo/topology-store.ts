/**
 * The commune topology, read from disk on first use and kept for the life of the process
 * (immutable derived data: every server instance reads the same file, nothing is shared).
 */
import { readFileSync } from 'node:fs';
import { indexCommuneGeometries, type CommuneGeometryObject, type CommuneTopology } from './commune-topology';

export interface LoadedTopology {
  topology: CommuneTopology;
  index: Map<string, CommuneGeometryObject>;
}

export interface TopologyStore {
  get(): LoadedTopology;
  /** The file it is read from, when it is one: worker threads read it themselves (workers/). */
  readonly path?: string;
}

export function topologyFromFile(path: string): TopologyStore {
  let loaded: LoadedTopology | null = null;
  return {
    path,
    get() {
      if (!loaded) {
        let topology: CommuneTopology;
        try {
          topology = JSON.parse(readFileSync(path, 'utf8')) as CommuneTopology;
        } catch (err) {
          throw new Error(`Topologie des communes illisible (${path}) : ${(err as Error).message}. Lancez « npm run build:data ».`);
        }
        loaded = { topology, index: indexCommuneGeometries(topology) };
      }
      return loaded;
    },
  };
}
