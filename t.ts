import { createApp } from './server/src/app';
import { openDatabase } from './server/src/db/connection';
import { topologyFromFile } from './server/src/geo/topology-store';
const db = await openDatabase('geodata/maillage.duckdb', { readOnly: true });
const app = createApp({ db, topology: topologyFromFile('geodata/communes.topo.json'), config: { basemap: 'offline', editorToken: null, demo: true } });
for (const u of ['/api/health', '/api/departements?region=52', '/api/communes/44109', '/api/communes/44003', '/api/communes/01091', '/api/communes/99999', '/api/communes/abc', '/api/search?q=saint-denis&limit=3', '/api/search?q=st%20nazaire&limit=3', '/api/search?q=44000', '/api/search?q=12%20rue%20des%20lilas%2031770%20Colomiers&limit=3', '/api/search?q=10%20allee%20des%20tilleuls%20colomiers&limit=3', '/api/communes?bbox=1,2', '/api/nope', '/api/tiles/5/15/11.pbf', '/api/tiles/metadata']) {
  const t = performance.now(); const r = await app.request(u); const txt = await r.text();
  console.log(r.status, u, (performance.now()-t).toFixed(1)+'ms', txt.slice(0, 300));
}
for (let i=0;i<3;i++){ const t = performance.now(); const r = await app.request('/api/communes?departement=44'); const j = await r.json(); console.log('dep44', j.features.length, (performance.now()-t).toFixed(1)); }
