/**
 * Foundation targets: France build time and peak memory, server cold start with France loaded,
 * `/api/communes?departement=44` warm. Uses the cached inputs (npm run download) and geodata/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTiming, summarise, time, type BenchModule } from './harness';
import { geodataDir, REPO_ROOT } from '../lib/paths';
import { runServer, type RunningServer } from '../lib/run-server';

const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

function buildOnce(out: string): { ms: number; maxRssMb: number } {
  const t0 = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M', TSX, 'scripts/build.ts', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (res.status !== 0) throw new Error(`La construction a échoué : ${res.stderr.slice(-2000)}`);
  const rss = Number(/maxrss_kb=(\d+)/.exec(res.stderr)?.[1]);
  if (!/34875 communes/.test(res.stderr)) throw new Error('Construction incomplète : 34 875 communes attendues');
  return { ms, maxRssMb: rss / 1024 };
}

/** The API alone (no web app), read-only, checked to hold France. */
async function startServer(): Promise<RunningServer> {
  const server = await runServer({ production: false, env: { MAILLAGE_READ_ONLY: '1' } });
  const body = (await (await fetch(`${server.url}/api/health`)).json()) as { communes: number };
  if (body.communes !== 34875) {
    await server.stop();
    throw new Error(`France attendue, ${body.communes} communes`);
  }
  return server;
}

const bench: BenchModule = {
  name: 'fondation',
  async run(log) {
    let met = true;
    if (!existsSync(join(geodataDir(), 'maillage.duckdb'))) throw new Error('Lancez « npm run setup » avant « npm run bench ».');

    const builds: { ms: number; maxRssMb: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const out = mkdtempSync(join(tmpdir(), 'maillage-bench-build-'));
      builds.push(buildOnce(out));
      rmSync(out, { recursive: true, force: true });
    }
    const build = summarise('Construction France (processus complet)', builds.map((b) => b.ms));
    const peak = Math.max(...builds.map((b) => b.maxRssMb));
    log(formatTiming(build, { maxMs: 60_000 }));
    log(`${'Mémoire maximale de la construction'.padEnd(52)} ${peak.toFixed(0)} Mo${peak <= 2048 ? '  ✔ cible ≤ 2 048 Mo' : '  ✘ cible ≤ 2 048 Mo MANQUÉE'}`);
    met &&= build.medianMs <= 60_000 && peak <= 2048;

    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await startServer();
      starts.push(s.readyMs);
      await s.stop();
    }
    const cold = summarise('Démarrage à froid du serveur (France chargée)', starts);
    log(formatTiming(cold, { maxMs: 3000 }));
    met &&= cold.medianMs <= 3000;

    const server = await startServer();
    try {
      const url = `${server.url}/api/communes?departement=44`;
      const check = (await (await fetch(url)).json()) as { features: unknown[] };
      if (check.features.length !== 207) throw new Error(`207 communes attendues en Loire-Atlantique, ${check.features.length} reçues`);
      const warm = await time('GET /api/communes?departement=44 (à chaud, HTTP)', async () => {
        const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
        await res.arrayBuffer();
      }, { runs: 30, warmup: 5 });
      log(formatTiming(warm, { maxMs: 50 }));
      met &&= warm.medianMs <= 50;
    } finally {
      await server.stop();
    }
    return met;
  },
};

export default bench;
