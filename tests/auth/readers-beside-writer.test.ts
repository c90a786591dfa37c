/**
 * Signed-in users on every process of a deployment: one writer and two read-only processes run at
 * the same time on one geodata folder (data versions). The writer holds the state store's file, so
 * readers follow its snapshots (server/src/db/state-snapshots.ts): a user's roles, a proposal made
 * on the writer and a role revoked there reach both readers within seconds; a write sent to a reader
 * is refused in French and changes nothing, and so is a command-line import beside the writer.
 * Real processes, real sign-in through the local provider.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startDevOidcProvider, type RunningProvider } from '../../scripts/lib/dev-oidc-provider';
import { freePort, runServer, type RunningServer } from '../../scripts/lib/run-server';
import { openDatabase } from '../../server/src/db/connection';
import { departementRegions } from '../../server/src/db/role-queries';
import { ensureStateStore } from '../../server/src/db/state-store';
import { changeRole } from '../../server/src/services/roles';
import { devClient, SESSION_SECRET } from '../helpers/auth-fixture';
import { signInThrough } from '../helpers/oidc-sign-in';
import { REPO } from '../helpers/paths';

const running: (RunningServer | RunningProvider)[] = [];
let dir = '';
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ROLE = { identifiant: 'coordinatrice@cpts-grand-sud.test', role: 'coordinateur' as const, territoire: 'cpts:REU-974-GRAND-SUD' };

describe('readers beside a running writer', () => {
  it('serve signed-in users from the writer’s state within seconds, and refuse writes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'maillage-lecteurs-etat-'));
    const fixture = inject('fixtureDir');
    copyFileSync(join(fixture, 'maillage.duckdb'), join(dir, 'maillage.duckdb'));
    symlinkSync(join(fixture, 'communes.topo.json'), join(dir, 'communes.topo.json'));
    const seed = await openDatabase(join(dir, 'maillage.duckdb'));
    await ensureStateStore(seed);
    const regions = await departementRegions(seed);
    await changeRole(seed, { machine: 'test' }, regions, ROLE, true);
    await changeRole(seed, { machine: 'test' }, regions, { identifiant: 'admin@maillage.test', role: 'administrateur', territoire: 'france' }, true);
    seed.close();

    const ports = [await freePort(), await freePort(), await freePort()];
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    const provider = await startDevOidcProvider({ clients: urls.map((u, i) => ({ ...devClient(u), clientId: `maillage-${i}` })) });
    running.push(provider);
    const env = (i: number, extra: Record<string, string> = {}) => ({
      GEODATA_DIR: dir, MAILLAGE_VERSIONS: '1', MAILLAGE_SESSION_SECRET: SESSION_SECRET, MAILLAGE_PUBLIC_URL: urls[i]!,
      MAILLAGE_PROCONNECT_ISSUER: provider.issuer, MAILLAGE_PROCONNECT_CLIENT_ID: `maillage-${i}`, MAILLAGE_PROCONNECT_CLIENT_SECRET: devClient(urls[i]!).clientSecret,
      ...extra,
    });
    const writer = await runServer({ port: ports[0], production: false, env: env(0) });
    running.push(writer);
    // Started while the writer runs and holds the store's file.
    const readers = await Promise.all([1, 2].map((i) => runServer({ port: ports[i], production: false, env: env(i, { MAILLAGE_READ_ONLY: '1' }) })));
    running.push(...readers);

    const coordinatrice = await signInThrough({ appFetch: fetch, appUrl: urls[0]!, login: 'coordinatrice' });
    const admin = await signInThrough({ appFetch: fetch, appUrl: urls[0]!, login: 'admin' });
    const roles = async (url: string) => ((await (await fetch(`${url}/api/session`, { headers: { cookie: coordinatrice.cookie } })).json()) as any).utilisateur?.roles;
    const proposals = async (url: string) =>
      ((await (await fetch(`${url}/api/propositions`, { headers: { cookie: coordinatrice.cookie } })).json()) as any).propositions?.map((p: any) => [p.id, p.etat]);

    for (const r of readers) expect(await roles(r.url)).toEqual([{ role: ROLE.role, territoire: ROLE.territoire }]);

    // A proposal made on the writer is listed by both readers within seconds.
    const created = await fetch(`${writer.url}/api/propositions`, {
      method: 'POST', headers: { ...coordinatrice.headers, origin: urls[0]! }, body: JSON.stringify({ cpts: 'REU-974-GRAND-SUD', ajouts: ['97422'] }),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as any).proposition.id as string;
    for (const r of readers) await expect.poll(() => proposals(r.url), { timeout: 15_000, interval: 100 }).toEqual([[id, 'brouillon']]);

    // A write sent to a reader is refused in French, and nothing changes anywhere.
    const refused = await fetch(`${readers[0]!.url}/api/propositions`, {
      method: 'POST', headers: { ...coordinatrice.headers, origin: urls[1]! }, body: JSON.stringify({ cpts: 'REU-974-GRAND-SUD', ajouts: ['97424'] }),
    });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as any).error).toMatchObject({ code: 'lecture_seule', message: expect.stringMatching(/lecture seule.*instance d’écriture/) });
    expect(await proposals(writer.url)).toEqual([[id, 'brouillon']]);

    // A role revoked on the writer stops applying on the readers within seconds.
    const revoked = await fetch(`${writer.url}/api/roles`, { method: 'DELETE', headers: { ...admin.headers, origin: urls[0]! }, body: JSON.stringify(ROLE) });
    expect(revoked.status).toBe(200);
    for (const r of readers) await expect.poll(() => roles(r.url), { timeout: 15_000, interval: 100 }).toEqual([]);

    // One writer of the store: a command-line import beside the running writer is refused in French
    // before anything is published (DuckDB's own lock does not hold for a store attached to a read-only version).
    const pointer = () => (existsSync(join(dir, 'versions', 'current.json')) ? readFileSync(join(dir, 'versions', 'current.json'), 'utf8') : null);
    const published = pointer();
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'urgences', 'docs/exemples/urgences.csv'], {
      cwd: REPO, encoding: 'utf8', env: { ...process.env, GEODATA_DIR: dir, MAILLAGE_VERSIONS: '1' },
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/registre des rôles et propositions .* est écrit par le processus \d+ \(un serveur \?\)/);
    expect(pointer()).toBe(published);
  }, 150_000);
});
