/**
 * Starts the Maillage server in a child process (as `npm start` does, by its own PID, not through
 * npx) and waits until it says it is ready. Used by the benchmarks, the screenshot script and the
 * browser tests.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export interface RunningServer {
  /** The server process's id (its memory: /proc/<pid>/status). */
  pid: number;
  url: string;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  log(): string;
  stop(): Promise<void>;
  /** Resolves when the process ends on its own (exit code, or the signal that killed it). */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface RunServerOptions {
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Serve the built web app too (NODE_ENV=production). Default true. */
  production?: boolean;
  /** Extra environment (GEODATA_DIR, MAILLAGE_DB, MAILLAGE_READ_ONLY…). */
  env?: Record<string, string>;
  /** How long the start may take before it is given up (default 120 s: a loaded 2-core machine opening the France data). */
  timeoutMs?: number;
  /** Run the compiled server of `npm start` (dist/server/main.mjs, `npm run build:server`) instead of the TypeScript sources through tsx. */
  compiled?: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function runServer({ port, production = true, env = {}, timeoutMs = 120_000, compiled = false }: RunServerOptions = {}): Promise<RunningServer> {
  const listenPort = port ?? (await freePort());
  const t0 = performance.now();
  const [command, args] = compiled ? [process.execPath, ['--enable-source-maps', 'dist/server/main.mjs']] : [join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/src/main.ts']];
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(listenPort),
      NODE_ENV: production ? 'production' : 'development',
      MAILLAGE_BASEMAP: 'offline',
      TZ: 'UTC',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  while (!output.includes('Maillage prêt')) {
    if (ended()) throw new Error(`Le serveur s'est arrêté : ${output}`);
    if (performance.now() - t0 > timeoutMs) {
      child.kill('SIGTERM');
      throw new Error(`Le serveur n'a pas démarré en ${timeoutMs / 1000} s : ${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - t0;
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${listenPort}`,
    readyMs,
    log: () => output,
    exited: () => exit,
    stop: async () => {
      if (!ended()) child.kill('SIGTERM');
      await exit;
    },
  };
}
