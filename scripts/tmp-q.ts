import { createApp } from '../server/src/app';
import { openDatabase } from '../server/src/db/connection';
import { topologyFromFile } from '../server/src/geo/topology-store';
const dir = 'geodata';
const db = await openDatabase(dir + '/maillage.duckdb', { readOnly: true });
const app = createApp({ db, topology: topologyFromFile(dir + '/communes.topo.json'), config: { basemap: 'offline', editorToken: null, demo: true } as any });
for (const url of process.argv.slice(2)) {
  const r = await app.request(url);
  const t = await r.text();
  console.log(url, r.status, t.slice(0, Number(process.env.N ?? 3000)));
}
