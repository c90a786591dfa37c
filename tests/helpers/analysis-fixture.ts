/**
 * A writable copy of the fixture database filled with the real curated care lists (as an import
 * would: data_version bumped), and the API on it. `withDemo` adds one demonstration CPTS built
 * from a real EPCI (Muretain Agglo, Haute-Garonne), source « démonstration ».
 */
import { createApp } from '../../server/src/app';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import type { CommuneTable } from '../../server/src/analysis/inputs';
import { curatedCare, insertRows } from './curated-care';
import { fixtureApp, type FixtureApp } from './fixture-app';
import { inject } from 'vitest';
import { join } from 'node:path';
import { topologyFromFile } from '../../server/src/geo/topology-store';

export interface AnalysisFixture extends FixtureApp {
  table: CommuneTable;
  /** The same database seen by an app with the demonstration rows hidden. */
  appWithoutDemo: ReturnType<typeof createApp>;
  get(url: string): Promise<{ status: number; body: any; headers: Headers; text: string }>;
}

export const DEMO_EPCI = '200068641';

export async function analysisFixture(): Promise<AnalysisFixture> {
  const f = await fixtureApp({ writable: true });
  const table = await loadCommuneTable(f.db);
  const care = curatedCare(table);
  const demoCommunes = table.list.filter((c) => c.epci === DEMO_EPCI).map((c) => c.code);
  if (demoCommunes.length === 0) throw new Error(`EPCI ${DEMO_EPCI} absent de la base de test`);
  const demo = { demo: true, source: 'démonstration', import_id: null };
  await insertRows(f.db, {
    structures: care.structures,
    cpts: [...care.cpts, { id: 'DEMO-31-MURETAIN', name: 'CPTS du Muretain (démonstration)', status: 'projet de santé', status_date: null, declared_population: null, headquarters_commune: null, headquarters_address: null, territory_note: null, note: null, source_date: null, ...demo }],
    cpts_communes: [...care.cptsCommunes, ...demoCommunes.map((commune) => ({ cpts_id: 'DEMO-31-MURETAIN', commune, coverage: 'entière', note: null, ...demo }))],
    sas: care.sas,
    protocols: care.protocols,
  });
  const appWithoutDemo = createApp({
    db: f.db,
    topology: topologyFromFile(join(inject('fixtureDir'), 'communes.topo.json')),
    config: { basemap: 'offline', editorToken: 'jeton-de-test', demo: false },
  });
  return {
    ...f,
    table,
    appWithoutDemo,
    async get(url: string) {
      const res = await f.app.request(url);
      // Keep a byte-order mark visible (Response.text() would drop it).
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      let body: any = null;
      try {
        body = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        body = null;
      }
      return { status: res.status, body, headers: res.headers, text };
    },
  };
}
