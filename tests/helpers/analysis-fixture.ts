/**
 * A writable copy of the fixture database — which holds the embedded default care offer (the
 * curated lists and the Haute-Garonne demonstration CPTS) — and the API on it, seen twice: with
 * the demonstration rows shown (default) and hidden.
 */
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp } from '../../server/src/app';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import type { CommuneTable } from '../../server/src/analysis/inputs';
import { topologyFromFile } from '../../server/src/geo/topology-store';
import { fixtureApp, type FixtureApp } from './fixture-app';

export interface AnalysisFixture extends FixtureApp {
  table: CommuneTable;
  /** The same database seen by an app with the demonstration rows hidden. */
  appWithoutDemo: ReturnType<typeof createApp>;
  get(url: string): Promise<{ status: number; body: any; headers: Headers; text: string }>;
}

/** The demonstration CPTS of the default built from CA Le Muretain Agglo (« pré-projet »). */
export const DEMO_EPCI = '200068641';

export async function analysisFixture(): Promise<AnalysisFixture> {
  const f = await fixtureApp({ writable: true });
  const table = await loadCommuneTable(f.db);
  const appWithoutDemo = createApp({
    db: f.db,
    state: f.state,
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
