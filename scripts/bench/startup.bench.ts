/**
 * `npm run bench -- demarrage`: start-up of the server on the France data, compiled (`npm start`:
 * dist/server/main.mjs, `npm run build:server`) against the TypeScript sources through tsx (the
 * development start, and `npm start` before issue 18): time from spawn to « Maillage prêt »
 * (state store opened, database checked, listening: the warm-up analysis goes on after, on a
 * worker) and the process's resident memory then (VmRSS of the process and its children: tsx runs the server in a child process; the
 * compiled server's worker threads are in its own).
 * Read-only, 3 starts each, alternated; median and spread.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/paths';
import { runServer } from '../lib/run-server';
import { formatRatio, formatTiming, summarise, type BenchModule } from './harness';

const RUNS = 3;

const ownRssKb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) : 0;
};

/** The resident memory of a process and its descendants (tsx runs the server in a child node process). */
function rssMb(pid: number): number {
  let kb = ownRssKb(pid);
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const child of children ? children.split(/\s+/).map(Number) : []) kb += rssMb(child) * 1024;
  }
  return kb / 1024;
}

const bench: BenchModule = {
  name: 'demarrage',
  async run(log) {
    if (!existsSync(join(REPO_ROOT, 'dist/server/main.mjs'))) throw new Error('Serveur non compilé : lancez « npm run build:server ».');
    const samples = { compiled: [] as number[], tsx: [] as number[] };
    const memory = { compiled: [] as number[], tsx: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      for (const kind of ['compiled', 'tsx'] as const) {
        const server = await runServer({ compiled: kind === 'compiled', env: { MAILLAGE_READ_ONLY: '1' }, timeoutMs: 120_000 });
        try {
          const health = await fetch(`${server.url}/api/health`);
          if (!health.ok) throw new Error(`/api/health : ${health.status}`);
          samples[kind].push(server.readyMs);
          memory[kind].push(rssMb(server.pid));
        } finally {
          await server.stop();
        }
      }
    }
    const compiled = summarise('démarrage, serveur compilé (npm start)', samples.compiled);
    const tsx = summarise('démarrage, sources par tsx', samples.tsx);
    log(formatTiming(compiled));
    log(formatTiming(tsx));
    log(formatRatio('démarrage compilé', compiled, tsx));
    for (const kind of ['compiled', 'tsx'] as const) {
      const m = summarise('', memory[kind]);
      log(`${`mémoire au démarrage (RSS), ${kind === 'compiled' ? 'compilé' : 'tsx'}`.padEnd(52)} médiane ${m.medianMs.toFixed(0)} Mo (min ${m.minMs.toFixed(0)}, max ${m.maxMs.toFixed(0)}, n=${m.runs})`);
    }
    return true;
  },
};

export default bench;
