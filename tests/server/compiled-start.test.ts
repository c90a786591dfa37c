/**
 * `npm start` runs the compiled server (`npm run build:server`, part of `npm run setup`): plain
 * JavaScript from dist/server/, and TypeScript's loader (tsx) is never loaded — neither by the
 * server nor by the files its worker threads and child processes start. Every module the process
 * resolves is recorded (tests/helpers/record-loads.mjs) while it starts, answers, and runs a
 * dissolve on its geometry worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer } from '../../scripts/build-server/build-server';
import { freePort } from '../../scripts/lib/run-server';
import { REPO } from '../helpers/paths';

let dir: string;
let child: ChildProcess;
let output = '';
let url: string;
const loadLog = () => join(dir, 'modules.log');

beforeAll(async () => {
  await buildServer(REPO);
  dir = mkdtempSync(join(tmpdir(), 'maillage-compile-'));
  cpSync(inject('pgliteTemplate'), join(dir, 'maillage-etat.pglite'), { recursive: true });
  const fixture = inject('fixtureDir');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // Its own process group: stopped whole (npm, its shell, node) by that group's id.
  child = spawn('npm', ['start'], {
    cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, PORT: String(port), GEODATA_DIR: fixture, MAILLAGE_DB: join(fixture, 'maillage.duckdb'),
      MAILLAGE_STATE_DIR: join(dir, 'maillage-etat.pglite'), MAILLAGE_READ_ONLY: '1', MAILLAGE_BASEMAP: 'offline',
      MAILLAGE_LOAD_LOG: loadLog(), NODE_OPTIONS: `--import=${join(REPO, 'tests/helpers/record-loads.mjs')}`,
    },
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const check = () => (output.includes('Maillage prêt') ? resolve() : child.exitCode !== null ? reject(new Error(output)) : setTimeout(check, 50));
    check();
  });
}, 120_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const ended = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await ended;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs dist/server/main.mjs and answers, with the migrations copied beside it', async () => {
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
    expect(existsSync(join(REPO, 'dist/server/migrations/0001-etat.sql'))).toBe(true);
  });

  it('computes a dissolve on its geometry worker (compiled too)', async () => {
    const res = await fetch(`${url}/api/perimeter`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ communes: ['31555', '31069'] }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { properties: { communes: number } }).properties.communes).toBe(2);
  });

  it('computes an analysis on its analysis workers (compiled too)', async () => {
    const res = await fetch(`${url}/api/access/2sfca?territory=departement:44`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { territoire: { nom: string } }).territoire.nom).toBe('Loire-Atlantique');
  });

  it('never loads tsx: not in the modules the process resolved, not imported by any compiled file', () => {
    const loaded = readFileSync(loadLog(), 'utf8').split('\n').filter(Boolean);
    expect(loaded.filter((u) => u.includes('/node_modules/tsx/') || u.endsWith('.ts'))).toEqual([]);
    expect(loaded.some((u) => u.endsWith('/dist/server/main.mjs'))).toBe(true);
    expect(loaded.some((u) => u.includes('/@duckdb/'))).toBe(true);
    for (const file of readdirSync(join(REPO, 'dist/server')).filter((f) => f.endsWith('.mjs'))) {
      expect(readFileSync(join(REPO, 'dist/server', file), 'utf8'), file).not.toMatch(/from ["']tsx|import\(["']tsx/);
    }
  });
});
