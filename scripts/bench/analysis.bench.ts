/**
 * Benchmark of the coverage engine on the real France data (geodata/, built by `npm run
 * build:data`), every output checked before it is timed, peers measured in the same run:
 *  1. dissolve all communes of France by EPCI: our engine vs topojson-client `merge`, turf.union
 *     (one call per EPCI, never folded) and the mapshaper CLI `-dissolve` (whole CLI call timed);
 *  2. nearest SNP offer for every commune vs geokdbush `around` and brute force;
 *  3. 2SFCA for France;
 *  4. CPTS coverage of France through the API, cold (data version bumped) and cached.
 * Real SNP offers are sparse (a few départements), so 2–4 add a seeded SYNTHETIC set of offer
 * points and of CPTS built from EPCIs, labelled as such in the output.
 */
import { openStateStore } from '../../server/src/db/state-store';
import { execFileSync } from 'node:child_process';
import { listValue } from '@duckdb/node-api';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { area, featureCollection, union } from '@turf/turf';
import { around } from 'geokdbush';
import { feature, merge } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { createApp } from '../../server/src/app';
import { CARE_SPECS } from '../../server/src/db/care-schema';
import { openDatabase } from '../../server/src/db/connection';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import { arcStoreOf } from '../../server/src/geo/arc-store';
import { indexCommuneGeometries, type CommuneTopology } from '../../server/src/geo/commune-topology';
import { dissolveCommunes } from '../../server/src/geo/dissolve';
import { topologyFromFile } from '../../server/src/geo/topology-store';
import { haversineKm } from '../../server/src/analysis/distance';
import { indexOffers, nearestOffers } from '../../server/src/analysis/nearest-offer';
import { twoStepFca, type TwoStepOffer } from '../../server/src/analysis/two-step-fca';
import type { CommuneTable } from '../../server/src/analysis/inputs';
import { geodataDir } from '../lib/paths';
import { formatRatio, formatTiming, seededRandom, summarise, time, type BenchModule } from './harness';

const mapshaperBin = join(process.cwd(), 'node_modules/.bin/mapshaper');

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`contrôle avant chronométrage : ${message}`);
}

const feat = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });

async function dissolveBench(log: (l: string) => void, topology: CommuneTopology, table: CommuneTable): Promise<boolean> {
  const index = indexCommuneGeometries(topology);
  const groups = new Map<string, string[]>();
  for (const c of table.list) {
    if (c.containedIn) continue;
    const k = c.epci ?? `hors-epci:${c.code}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(c.code);
  }
  log(`Dissolution de ${index.size} communes en ${groups.size} EPCI (France métropole + DROM, topologie quantifiée 1e7)`);
  const t0 = performance.now();
  arcStoreOf(topology);
  log(`  décodage des arcs (une fois par topologie, non compté) : ${(performance.now() - t0).toFixed(0)} ms`);
  const ours = () => [...groups.values()].map((codes) => dissolveCommunes(topology, index, codes));
  const topo = () => [...groups.values()].map((codes) => merge(topology as never, codes.map((c) => index.get(c)) as never) as MultiPolygon);
  // Check before timing: same parts and area as topojson-client merge, group by group.
  const a = ours();
  const b = topo();
  a.forEach((g, i) => {
    check(g.coordinates.length === b[i]!.coordinates.length, `nombre de parties différent de topojson merge (groupe ${i})`);
    const rel = Math.abs(area(feat(g)) - area(feat(b[i]!))) / area(feat(b[i]!));
    check(rel < 1e-9, `aire différente de topojson merge (groupe ${i}, écart ${rel})`);
  });
  const tOurs = await time('notre moteur (arcs décodés, pas de fusion en cascade)', ours, { runs: 9, warmup: 2 });
  const tTopo = await time('topojson-client merge', topo, { runs: 5, warmup: 1 });
  // turf.union: one call per EPCI on its communes (never folded), inputs decoded beforehand.
  const inputs = [...groups.values()].map((codes) => codes.map((c) => feature(topology as never, index.get(c) as never) as unknown as Feature<Polygon | MultiPolygon>));
  let turfArea = 0;
  const tTurf = await time('turf.union (un appel par EPCI)', () => {
    turfArea = 0;
    for (const fs of inputs) turfArea += area(fs.length === 1 ? fs[0]! : union(featureCollection(fs))!);
  }, { runs: 1, warmup: 0 });
  const oursArea = a.reduce((s, g) => s + area(feat(g)), 0);
  check(Math.abs(turfArea - oursArea) / oursArea < 1e-3, `aire totale turf ${turfArea} ≠ la nôtre ${oursArea}`);
  // mapshaper CLI: input written once; the whole CLI call is timed (start-up, reading, dissolve, writing).
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-'));
  const input = join(dir, 'communes.geojson');
  writeFileSync(input, JSON.stringify(featureCollection(inputs.flatMap((fs, i) => fs.map((f) => ({ ...f, properties: { epci: [...groups.keys()][i] } }))))));
  const runMapshaper = (extra: string[]) => () => execFileSync(mapshaperBin, ['-i', input, '-dissolve', 'epci', ...extra, '-o', join(dir, 'out.geojson'), 'format=geojson'], { stdio: 'pipe' });
  runMapshaper([])();
  const out = JSON.parse(readFileSync(join(dir, 'out.geojson'), 'utf8')) as { features: unknown[] };
  check(out.features.length === groups.size, `mapshaper rend ${out.features.length} entités au lieu de ${groups.size}`);
  const tMs = await time('mapshaper -dissolve (appel CLI complet)', runMapshaper([]), { runs: 3, warmup: 0 });
  const tMsFast = await time('mapshaper -dissolve no-repair (appel CLI complet)', runMapshaper(['no-repair']), { runs: 3, warmup: 0 });
  rmSync(dir, { recursive: true, force: true });
  log(formatTiming(tOurs, { maxMs: 500 }));
  log(formatTiming(tTopo));
  log(formatTiming(tTurf));
  log(formatTiming(tMs));
  log(formatTiming(tMsFast));
  log(formatRatio('  notre moteur', tOurs, tTopo));
  log(formatRatio('  notre moteur', tOurs, tTurf, { minRatio: 50 }));
  log(formatRatio('  notre moteur', tOurs, tMs, { minRatio: 1 }));
  log(formatRatio('  notre moteur', tOurs, tMsFast, { minRatio: 1 }));
  return tOurs.medianMs <= 500 && tTurf.medianMs / tOurs.medianMs >= 50 && tMs.medianMs > tOurs.medianMs && tMsFast.medianMs > tOurs.medianMs;
}

/** Real offers are too few for France: seeded synthetic points near communes, weighted by population. */
function syntheticOffers(table: CommuneTable, count: number, seed: number): TwoStepOffer[] {
  const random = seededRandom(seed);
  const cumulative: number[] = [];
  let total = 0;
  for (const c of table.list) cumulative.push((total += Math.sqrt(c.population + 1)));
  const kinds = ['MMG', 'SU', 'MSP', 'CDS'] as const;
  return Array.from({ length: count }, () => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    const c = table.list[lo]!;
    return { lon: c.lon + (random() - 0.5) * 0.03, lat: c.lat + (random() - 0.5) * 0.02, kind: kinds[Math.floor(random() * 4)]! };
  });
}

async function accessBench(log: (l: string) => void, table: CommuneTable): Promise<boolean> {
  const offers = syntheticOffers(table, 4000, 20261123);
  log(`\nAccès SNP : ${table.list.length} communes, 4 000 offres SYNTHÉTIQUES (graine 20261123, tirées près des communes au prorata de √population)`);
  const index = indexOffers(offers);
  const ours = nearestOffers(index, table.list);
  const random = seededRandom(1);
  for (let k = 0; k < 500; k++) {
    const i = Math.floor(random() * table.list.length);
    const c = table.list[i]!;
    let best = Infinity;
    for (const o of offers) best = Math.min(best, haversineKm(c.lon, c.lat, o.lon, o.lat));
    check(Math.abs(best - ours[i]!.km) < 1e-9, `plus proche offre de ${c.code} : ${ours[i]!.km} au lieu de ${best}`);
  }
  const tOurs = await time('plus proche offre, toutes les communes (kdbush)', () => nearestOffers(index, table.list), { runs: 15, warmup: 3 });
  const tGeo = await time('geokdbush around(…, 1) par commune', () => table.list.map((c) => around(index.tree!, c.lon, c.lat, 1)), { runs: 5, warmup: 1 });
  const tBrute = await time('force brute (haversine sur toutes les paires)', () => table.list.map((c) => {
    let best = Infinity;
    for (const o of offers) {
      const d = haversineKm(c.lon, c.lat, o.lon, o.lat);
      if (d < best) best = d;
    }
    return best;
  }), { runs: 1, warmup: 0 });
  log(formatTiming(tOurs, { maxMs: 100 }));
  log(formatTiming(tGeo));
  log(formatTiming(tBrute));
  log(formatRatio('  notre recherche', tOurs, tGeo));
  log(formatRatio('  notre recherche', tOurs, tBrute));
  // 2SFCA: check the conservation law (Σ P·A = 100 000 × Σ capacity of offers reaching someone).
  const r = twoStepFca(table.list, offers);
  const served = offers.filter((_, j) => r.ratio[j]! > 0).length;
  const total = table.list.reduce((s, c, i) => s + c.population * r.index[i]!, 0) / 100_000;
  check(Math.abs(total - served) / served < 1e-9, `2SFCA : Σ P·A = ${total}, capacité servie ${served}`);
  const tFca = await time('2SFCA France (bandes APL, 4 000 offres)', () => twoStepFca(table.list, offers), { runs: 7, warmup: 1 });
  log(formatTiming(tFca, { maxMs: 2000 }));
  return tOurs.medianMs <= 100 && tFca.medianMs <= 2000;
}

export async function coverageBench(log: (l: string) => void, topologyPath: string, dbPath: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-db-'));
  const copy = join(dir, 'maillage.duckdb');
  copyFileSync(dbPath, copy);
  const db = await openDatabase(copy);
  try {
    const tables = await db.all<{ name: string }>('SELECT table_name AS name FROM information_schema.tables');
    for (const spec of CARE_SPECS) if (!tables.some((t) => t.name === spec.name)) await db.run(spec.ddl);
    await db.run('DELETE FROM cpts_communes');
    await db.run('DELETE FROM cpts');
    const epci = await db.all<{ code: string }>('SELECT code FROM epci ORDER BY code');
    const random = seededRandom(44);
    const chosen = epci.filter(() => random() < 0.75).map((e) => e.code);
    await db.run(
      `INSERT INTO cpts (id, name, status, source, demo)
       SELECT 'SYNTH-' || code, 'CPTS synthétique ' || nom, ['pré-projet', 'projet de santé', 'ACI signé'][(1 + hash(code) % 3)::BIGINT], 'synthétique (banc d''essai)', false
       FROM epci WHERE list_contains($chosen, code)`, { chosen: listValue(chosen) });
    await db.run(`INSERT INTO cpts_communes (cpts_id, commune, coverage, source, demo)
       SELECT 'SYNTH-' || epci, code, 'entière', 'synthétique (banc d''essai)', false FROM communes WHERE list_contains($chosen, epci)`, { chosen: listValue(chosen) });
    await db.run("INSERT OR REPLACE INTO meta VALUES ('data_version', '1')");
    const [{ n }] = (await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM cpts_communes')) as [{ n: number }];
    log(`\nCouverture CPTS de la France par l'API : ${chosen.length} CPTS SYNTHÉTIQUES (EPCI tirés avec la graine 44), ${n} communes couvertes`);
    const state = await openStateStore({ pgliteDir: null });
    const app = createApp({ db, state, topology: topologyFromFile(topologyPath), config: { basemap: 'offline', editorToken: null, demo: true } });
    const url = '/api/coverage/cpts?territory=france';
    const t0 = performance.now();
    const first = (await (await app.request(url)).json()) as { population: { totale: number; couverte: number; nonCouverte: number } };
    log(`  premier appel du processus (lecture des 34 875 communes et de la topologie comprise) : ${(performance.now() - t0).toFixed(0)} ms`);
    check(first.population.couverte + first.population.nonCouverte === first.population.totale, 'couverte + non couverte ≠ totale');
    const table = await loadCommuneTable(db);
    const covered = new Set((await db.all<{ commune: string }>('SELECT commune FROM cpts_communes')).map((r) => r.commune));
    check(first.population.couverte === table.list.filter((c) => covered.has(c.code)).reduce((s, c) => s + c.population, 0), 'population couverte ≠ recomptage direct');
    let version = 1;
    const cpts = (await db.all<{ id: string }>('SELECT id FROM cpts ORDER BY id')).map((r) => r.id);
    const communes = table.list.map((c) => c.code);
    const pick = seededRandom(45);
    /** An import: one commune joins a CPTS (data_version bumped in the same transaction). */
    const importOne = () =>
      db.transaction(async (tx) => {
        await tx.run("INSERT OR IGNORE INTO cpts_communes (cpts_id, commune, coverage, source, demo) VALUES ($id, $code, 'entière', 'synthétique (banc d''essai)', false)", {
          id: cpts[Math.floor(pick() * cpts.length)]!, code: communes[Math.floor(pick() * communes.length)]!,
        });
        await tx.run("UPDATE meta SET value = $v WHERE key = 'data_version'", { v: String(++version) });
      });
    const measure = async (label: string, rounds: number, before: () => Promise<ReturnType<typeof createApp>>) => {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const target = await before();
        const c0 = process.cpuUsage();
        const t = performance.now();
        await (await target.request(url)).arrayBuffer();
        wall.push(performance.now() - t);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      return { wall: summarise(label, wall), cpu: summarise('  (temps CPU du processus, DuckDB et GC compris)', cpu) };
    };
    // Entirely cold: nothing computed for this topology yet. A shallow copy of the topology object
    // has a new identity (so no remembered contiguity, no scratch arrays) but shares the parsed
    // arcs, as a server that has just loaded its topology at start-up.
    const base = topologyFromFile(topologyPath).get();
    const fresh = await measure('couverture CPTS France, tout à froid (rien de calculé)', 7, async () => {
      await importOne();
      const loaded = { topology: { ...base.topology }, index: base.index };
      return createApp({ db, state, topology: { get: () => loaded }, config: { basemap: 'offline', editorToken: null, demo: true } });
    });
    // After an import: the result cache is emptied; contiguity of unchanged CPTS is remembered.
    const afterImport = await measure('couverture CPTS France, à froid après un import', 9, async () => {
      await importOne();
      return app;
    });
    const cached = await time('couverture CPTS France, en cache', async () => (await app.request(url)).arrayBuffer(), { runs: 30, warmup: 2 });
    log(formatTiming(fresh.wall, { maxMs: 200 }));
    log(formatTiming(fresh.cpu));
    log(formatTiming(afterImport.wall, { maxMs: 200 }));
    log(formatTiming(afterImport.cpu));
    log(formatTiming(cached, { maxMs: 10 }));
    return fresh.wall.medianMs <= 200 && afterImport.wall.medianMs <= 200 && cached.medianMs <= 10;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: BenchModule = {
  name: 'analysis',
  async run(log) {
    const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');
    log(`Machine : ${cpus().length} cœurs, charge moyenne (1, 5, 15 min) au départ ${load()}`);
    const topologyPath = join(geodataDir(), 'communes.topo.json');
    const dbPath = join(geodataDir(), 'maillage.duckdb');
    if (!existsSync(dbPath)) throw new Error(`${dbPath} absent : lancez « npm run build:data » (France entière)`);
    const topology = JSON.parse(readFileSync(topologyPath, 'utf8')) as CommuneTopology;
    const db = await openDatabase(dbPath, { readOnly: true });
    const table = await loadCommuneTable(db);
    db.close();
    const dissolveMet = await dissolveBench(log, topology, table);
    const accessMet = await accessBench(log, table);
    const coverageMet = await coverageBench(log, topologyPath, dbPath);
    log(`Charge moyenne à la fin : ${load()} (au-delà de ${cpus().length}, d'autres processus se partagent les cœurs et les temps s'allongent)`);
    return dissolveMet && accessMet && coverageMet;
  },
};

export default bench;
