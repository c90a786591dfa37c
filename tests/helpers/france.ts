/**
 * The built France data (geodata/), read-only, loaded once per test worker: commune table,
 * topology and a DuckDB connection for the official contours.
 */
import { readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { openDatabase, type Database } from '../../server/src/db/connection';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import { indexCommuneGeometries, type CommuneTopology } from '../../server/src/geo/commune-topology';
import type { LoadedTopology } from '../../server/src/geo/topology-store';
import type { CommuneTable } from '../../server/src/analysis/inputs';
import { FRANCE_DB, FRANCE_TOPOLOGY, requireBuiltFrance } from './paths';

export interface France {
  db: Database;
  table: CommuneTable;
  topo: LoadedTopology;
  /** A commune's own polygon decoded from the topology (as turf takes it). */
  communeFeature(code: string): Feature<Polygon | MultiPolygon>;
}

let loading: Promise<France> | null = null;

export function france(): Promise<France> {
  loading ??= (async () => {
    requireBuiltFrance();
    const db = await openDatabase(FRANCE_DB, { readOnly: true });
    const topology = JSON.parse(readFileSync(FRANCE_TOPOLOGY, 'utf8')) as CommuneTopology;
    const index = indexCommuneGeometries(topology);
    return {
      db,
      table: await loadCommuneTable(db),
      topo: { topology, index },
      communeFeature: (code) => feature(topology as never, index.get(code) as never) as unknown as Feature<Polygon | MultiPolygon>,
    };
  })();
  return loading;
}

/** Communes grouped by a key (EPCI, département…), only those with their own polygon. */
export function groupCodes(table: CommuneTable, key: (c: CommuneTable['list'][number]) => string | null): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const c of table.list) {
    const k = key(c);
    if (k === null || c.containedIn) continue;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(c.code);
  }
  return groups;
}
