/**
 * `npm run bench -- charge`: the read mix of the issue under load, on loopback only, for a fixed
 * time — autocannon, 100 connections × CHARGE_SECONDS (default 30 s) — against the production
 * server (`npm start`) on a copy of geodata/:
 *   1. the embedded default;
 *   2. the same after a 100 000-record FINESS import (national-size offer, seeded generator);
 *   3. during that import, sent over HTTP to the same server after 3 s, with data versions
 *      (MAILLAGE_VERSIONS=1) and without (the default `npm start`: the file is read on a worker thread):
 *      p99 of the mix, and the slowest of `/api/health` probes sent every 100 ms while the import runs.
 * CHARGE_PARTS=1,3 skips part 2 (part 1, the baseline of part 3's target, always runs).
 * The probes of /api/health run in a process of their own (health-probe.mjs) and the upload is sent by
 * curl: what they measure is the server, not the event loop of this bench that drives the load.
 * Every path of the mix is checked (status 200) before timing. Targets are printed beside results.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../server/src/db/connection';
import { runServer, type RunningServer } from '../lib/run-server';
import { geodataDir, REPO_ROOT } from '../lib/paths';
import type { BenchModule } from './harness';
import { syntheticFiness, type SyntheticCommune } from './finess/synthetic-finess';

const SECONDS = Number(process.env.CHARGE_SECONDS ?? 30);
const CONNECTIONS = 100;
const RECORDS = 100_000;
const TOKEN = 'jeton-du-banc-de-charge';
const PARTS = (process.env.CHARGE_PARTS ?? '1,2,3').split(',');
const ACCEPT = { 'accept-encoding': 'br, gzip' };

/** The read mix of the issue: health, search, communes of 44, tiles, CPTS coverage of 76, SNP access of 31, the SNP finder, structures of 31. */
export const READ_MIX = [
  '/api/health',
  '/api/search?q=saint%20nazaire',
  '/api/communes?departement=44',
  '/api/tiles/9/257/186.pbf', // a tile of the SNP finder's map around Toulouse (z9: the most requested zoom)
  '/api/coverage/cpts?territory=region:76',
  '/api/access/snp?territory=departement:31',
  '/api/snp/nearest?commune=31149',
  '/api/structures?departement=31',
];

interface LoadResult { reqPerSec: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; total: number }

function load(url: string, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon({
      url, connections: CONNECTIONS, duration: seconds, timeout: 10, headers: ACCEPT,
      requests: READ_MIX.map((path) => ({ method: 'GET' as const, path })),
    }, (err, r) => {
      if (err) return reject(err);
      resolve({ reqPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, total: r.requests.total });
    });
  });
}

async function checkMix(server: RunningServer) {
  for (const path of READ_MIX) {
    const res = await fetch(server.url + path, { headers: ACCEPT });
    if (res.status !== 200) throw new Error(`${path} : HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
  }
}

function line(label: string, r: LoadResult, maxP99: number): { text: string; met: boolean } {
  const met = r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r.reqPerSec >= 1000 && r.p99 <= maxP99;
  const text = `${label.padEnd(44)} ${r.reqPerSec.toFixed(0).padStart(6)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} erreurs, ${r.timeouts} délais dépassés, ${r.non2xx} non-2xx (${r.total} requêtes)`
    + `${met ? '  ✔' : '  ✘'} cible 0 erreur, ≥ 1 000 req/s, p99 ≤ ${maxP99} ms`;
  return { text, met };
}

/** A private geodata folder: a copy of the database (the server may write it), the rest linked. */
function privateGeodata(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-charge-'));
  copyFileSync(join(geodataDir(), 'maillage.duckdb'), join(dir, 'maillage.duckdb'));
  symlinkSync(join(geodataDir(), 'communes.topo.json'), join(dir, 'communes.topo.json'));
  return dir;
}

interface ProbeResult { max: number; at: number; probes: number; p50: number }

/** /api/health probed every `everyMs` from a process of its own (health-probe.mjs) until stopped. */
async function healthProbe(server: RunningServer, everyMs: number): Promise<{ stop(): Promise<ProbeResult> }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts/bench/health-probe.mjs'), `${server.url}/api/health`, String(everyMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: string) => {
      out += d;
      if (out.startsWith('prêt\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`sonde arrêtée (code ${code})`)));
  });
  return {
    stop: () => new Promise<ProbeResult>((resolve, reject) => {
      child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('prêt\n'.length)) as ProbeResult) : reject(new Error(`sonde : code ${code}`))));
      child.stdin.end();
    }),
  };
}

/** The FINESS file POSTed by curl, a process of its own (the bench's event loop stays out of the measure). */
function uploadWithCurl(url: string, file: string): Promise<{ status: number; body: string; ms: number }> {
  const out = `${file}.reponse.json`;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const curl = spawn('curl', ['-sS', '-o', out, '-w', '%{http_code}', '-X', 'POST', '-H', `authorization: Bearer ${TOKEN}`, '-H', 'content-type: text/csv', '--data-binary', `@${file}`,
      `${url}/api/imports/finess?nom=etalab-cs1100507-stock-synthetique.csv`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let code = '';
    curl.stdout.on('data', (d) => (code += d));
    curl.once('error', reject);
    curl.once('exit', () => resolve({ status: Number(code), body: existsSync(out) ? readFileSync(out, 'utf8') : '', ms: performance.now() - t0 }));
  });
}

/** 20 France analyses that no cache holds (each its own threshold, bands or moment), 4 at a time, with /api/health probed every 50 ms. */
async function heavyAnalyses(server: RunningServer) {
  const paths = Array.from({ length: 20 }, (_, i) => [
    `/api/access/snp?territory=france&thresholdKm=${31 + i}`,
    `/api/coverage/cpts?territory=france&date=2026-0${1 + (i % 9)}-1${i % 10}`,
    `/api/access/2sfca?territory=france&bands=${5 + i}:1`,
    `/api/access/snp?territory=france&at=2026-11-${String(10 + i).padStart(2, '0')}T21:00:00Z`,
  ][i % 4]!);
  const probe = await healthProbe(server, 50);
  let ok = 0;
  let refused = 0;
  const queue = [...paths];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const res = await fetch(server.url + p, { headers: ACCEPT });
      await res.arrayBuffer();
      if (res.status === 200) ok++;
      else if (res.status === 503) refused++;
      else throw new Error(`${p} : HTTP ${res.status}`);
    }
  }));
  return { ok, refused, ...(await probe.stop()) };
}

/**
 * The read mix for CHARGE_SECONDS while, after 3 s, the FINESS file is sent over HTTP to the same
 * server (by curl), and `/api/health` probed every 100 ms from the start of the upload to the answer
 * (by a process of its own: health-probe.mjs).
 */
async function duringImport(label: string, env: Record<string, string>, bytes: Buffer, baseline: LoadResult, log: (line: string) => void, withLoad = true): Promise<boolean> {
  const sending = mkdtempSync(join(tmpdir(), 'maillage-envoi-'));
  const file = join(sending, 'finess.csv');
  writeFileSync(file, bytes);
  const server = await runServer({ env, compiled: true });
  try {
    await checkMix(server);
    await load(server.url, 3);
    const loading = withLoad ? load(server.url, SECONDS) : null;
    await new Promise((r) => setTimeout(r, 3000));
    const probe = await healthProbe(server, 100);
    const upload = await uploadWithCurl(server.url, file);
    const importMs = upload.ms;
    const { max: healthMax, at: slowestAt, probes } = await probe.stop();
    const r = await loading;
    if (upload.status >= 300 || upload.status === 0) throw new Error(`Import HTTP refusé : ${upload.status} ${upload.body.slice(0, 300)}`);
    const outcome = JSON.parse(upload.body) as { statut?: string };
    const healthLine = `${`/api/health ${label}`.padEnd(44)} max ${healthMax.toFixed(0)} ms (à ${(slowestAt / 1000).toFixed(1)} s) sur ${probes} sondes${r ? '' : ', sans autre charge'}`
      + `${healthMax <= 200 ? '  ✔' : '  ✘'} cible jamais au-dessus de 200 ms`;
    if (!r) {
      log(`${healthLine} (import ${(importMs / 1000).toFixed(1)} s, ${outcome.statut})`);
      return healthMax <= 200;
    }
    const ratioMet = r.p99 <= 2 * baseline.p99;
    log(`${label.padEnd(44)} ${r.reqPerSec.toFixed(0).padStart(6)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} erreurs, ${r.timeouts} délais dépassés (import ${(importMs / 1000).toFixed(1)} s, ${outcome.statut})`
      + `${ratioMet && r.errors === 0 ? '  ✔' : '  ✘'} cible p99 ≤ 2 × ${baseline.p99} ms sans import`);
    log(healthLine);
    return ratioMet && r.errors === 0 && healthMax <= 200;
  } finally {
    await server.stop();
    rmSync(sending, { recursive: true, force: true });
  }
}

const bench: BenchModule = {
  name: 'charge',
  async run(log) {
    const db = await openDatabase(join(geodataDir(), 'maillage.duckdb'), { readOnly: true });
    const communes = await db.all<SyntheticCommune>('SELECT code, departement, label_lon AS lon, label_lat AS lat FROM communes WHERE geometry IS NOT NULL ORDER BY code');
    db.close();
    if (communes.length < 34_000) throw new Error(`Base France attendue (${communes.length} communes) : lancez « npm run setup ».`);
    const finess = syntheticFiness(communes, RECORDS, 20261123);
    let met = true;
    log(`${CONNECTIONS} connexions × ${SECONDS} s, boucle locale, mélange de lecture : ${READ_MIX.join(' ')}`);

    // 1. The embedded default.
    const plain = privateGeodata();
    let server = await runServer({ compiled: true, env: { GEODATA_DIR: plain, MAILLAGE_READ_ONLY: '1' } });
    let baseline: LoadResult;
    try {
      await checkMix(server);
      await load(server.url, 3); // warm-up
      const probe = await healthProbe(server, 100);
      baseline = await load(server.url, SECONDS);
      const health = await probe.stop();
      const l = line('offre embarquée', baseline, 200);
      log(l.text);
      // The same probe as during the imports below, without any import: what the read mix alone does to it.
      log(`${'/api/health sous le mélange, sans import'.padEnd(44)} p50 ${health.p50.toFixed(0)} ms, max ${health.max.toFixed(0)} ms sur ${health.probes} sondes (repère des lignes « pendant un import »)`);
      met &&= l.met;
    } finally {
      await server.stop();
    }

    // 1b. Issue 11 item 4: distinct uncached France analyses, 4 at a time, while /api/health is probed.
    server = await runServer({ compiled: true, env: { GEODATA_DIR: plain, MAILLAGE_READ_ONLY: '1' } });
    try {
      const h = await heavyAnalyses(server);
      log(`${'analyses France distinctes (20, 4 à la fois)'.padEnd(44)} ${h.ok} calculées, ${h.refused} refusées (503), /api/health p50 ${h.p50.toFixed(0)} ms, max ${h.max.toFixed(0)} ms sur ${h.probes} sondes`
        + `${h.max <= 200 ? '  ✔' : '  ✘'} cible /api/health jamais au-dessus de 200 ms`);
      met &&= h.max <= 200;
    } finally {
      await server.stop();
    }

    // 2. After a national-size import (done beforehand, by `npm run import`, on the copy).
    const imported = privateGeodata();
    if (PARTS.includes('2')) {
      const file = join(imported, 'etalab-cs1100507-stock-synthetique.csv');
      writeFileSync(file, finess.bytes);
      const res = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/import.ts', 'finess', file], {
        cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, GEODATA_DIR: imported, MAILLAGE_DB: join(imported, 'maillage.duckdb') },
      });
      if (res.status !== 0) throw new Error(`Import préalable échoué : ${res.stdout.slice(-800)}${res.stderr.slice(-800)}`);
      server = await runServer({ compiled: true, env: { GEODATA_DIR: imported, MAILLAGE_READ_ONLY: '1' } });
      try {
        await checkMix(server);
        await load(server.url, 3);
        const after = await load(server.url, SECONDS);
        const l = line(`après import FINESS (${finess.kept} structures)`, after, 200);
        log(l.text);
        met &&= l.met;
      } finally {
        await server.stop();
      }
    }

    // 3. During an import sent to the same server: with data versions (a child process writes the
    //    next version), then in the default mode (the file is read on a worker thread, the rows
    //    written by the server's own process).
    const withVersions = privateGeodata();
    const withoutVersions = privateGeodata();
    const alone = privateGeodata();
    try {
      met = (await duringImport('pendant un import FINESS HTTP, versions', { GEODATA_DIR: withVersions, MAILLAGE_EDITOR_TOKEN: TOKEN, MAILLAGE_VERSIONS: '1' }, finess.bytes, baseline, log)) && met;
      met = (await duringImport('pendant un import, sans versions', { GEODATA_DIR: withoutVersions, MAILLAGE_EDITOR_TOKEN: TOKEN }, finess.bytes, baseline, log)) && met;
      // The same import with no other load: what the import itself does to the request thread.
      met = (await duringImport('pendant un import, sans versions', { GEODATA_DIR: alone, MAILLAGE_EDITOR_TOKEN: TOKEN }, finess.bytes, baseline, log, false)) && met;
    } finally {
      for (const d of [plain, imported, withVersions, withoutVersions, alone]) rmSync(d, { recursive: true, force: true });
    }
    return met;
  },
};

export default bench;
