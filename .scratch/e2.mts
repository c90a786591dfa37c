import { readFileSync } from 'node:fs';
import { merge } from 'topojson-client';
import { openDatabase } from '/work/main/server/src/db/connection';
const t = JSON.parse(readFileSync('geodata/communes.topo.json','utf8'));
const db = await openDatabase('geodata/maillage.duckdb', { readOnly: true });
const rows = await db.all<{code:string, epci:string|null}>('select code, epci from communes where geometry is not null');
const groups = new Map<string, string[]>();
for (const r of rows) { const k = r.epci ?? 'none:'+r.code; (groups.get(k) ?? groups.set(k, []).get(k)!).push(r.code); }
console.log('groups', groups.size);
const index = new Map(t.objects.communes.geometries.map((g: any) => [g.id, g]));
for (let k=0;k<3;k++){
const t0 = performance.now();
let parts=0;
for (const codes of groups.values()) { const m = merge(t, codes.map(c=>index.get(c)) as any); parts += m.coordinates.length; }
console.log('merge ms', performance.now()-t0, parts);
}
console.log(await db.all('select key, value from meta'));
console.log(await db.all("select count(*)::int n, count(epci)::int e from communes"));
console.log(await db.all("select table_name from information_schema.tables"));
