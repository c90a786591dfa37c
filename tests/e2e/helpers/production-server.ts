/**
 * Starts the production server (API + built web app on one port) on a private copy of a
 * database, so that it never locks the files other tests read. Stopped by its own PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { REPO } from '../../helpers/paths';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  log(): string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startProductionServer({ geodataDir, env = {} }: { geodataDir: string; env?: Record<string, string> }): Promise<RunningServer> {
  if (!existsSync(join(REPO, 'web/dist/index.html'))) {
    throw new Error('Application web non construite : lancez « npm run build:web » (ou « npm run setup ») avant les tests navigateur.');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
  copyFileSync(join(geodataDir, 'maillage.duckdb'), join(tmp, 'maillage.duckdb'));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(join(REPO, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(port), GEODATA_DIR: geodataDir,
      MAILLAGE_DB: join(tmp, 'maillage.duckdb'), MAILLAGE_BASEMAP: 'offline', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!output.includes('Maillage prêt')) {
    if (child.exitCode !== null) throw new Error(`Le serveur s'est arrêté : ${output}`);
    if (Date.now() > deadline) throw new Error(`Le serveur n'a pas démarré en 30 s : ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
