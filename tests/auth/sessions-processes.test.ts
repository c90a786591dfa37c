/**
 * Sessions live in the browser's signed cookie, not in a server process: a user signed in on one
 * server process stays signed in after it restarts, and the same cookie works on two other
 * processes opening the same database read-only and sharing the state store (a PostgreSQL
 * server). Real server processes, real sign-in through the local OpenID provider.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startDevOidcProvider, type RunningProvider } from '../../scripts/lib/dev-oidc-provider';
import { freePort, runServer, type RunningServer } from '../../scripts/lib/run-server';
import { openDatabase } from '../../server/src/db/connection';
import { departementRegions } from '../../server/src/db/role-queries';
import { changeRole } from '../../server/src/services/roles';
import { devClient, SESSION_SECRET } from '../helpers/auth-fixture';
import { freshStateLocation } from '../helpers/state-fixture';
import { signInThrough } from '../helpers/oidc-sign-in';

const running: (RunningServer | RunningProvider)[] = [];
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
});

describe('sessions', () => {
  it('survive a restart of the server and work on two read-only processes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-sessions-'));
    const dbPath = join(dir, 'maillage.duckdb');
    copyFileSync(join(inject('fixtureDir'), 'maillage.duckdb'), dbPath);
    const location = await freshStateLocation('postgres');
    const db = await openDatabase(dbPath, { readOnly: true });
    const state = await location.open();
    await changeRole(db, state, { machine: 'test' }, await departementRegions(db), { identifiant: 'coordinatrice@cpts-grand-sud.test', role: 'coordinateur', territoire: 'cpts:REU-974-GRAND-SUD' }, true);
    db.close();
    await state.close();

    const ports = [await freePort(), await freePort(), await freePort()];
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    const provider = await startDevOidcProvider({ clients: urls.map((u, i) => ({ ...devClient(u), clientId: `maillage-${i}` })) });
    running.push(provider);
    const env = (i: number, extra: Record<string, string> = {}) => ({
      GEODATA_DIR: inject('fixtureDir'), MAILLAGE_DB: dbPath, ...location.env, MAILLAGE_SESSION_SECRET: SESSION_SECRET, MAILLAGE_PUBLIC_URL: urls[i]!,
      MAILLAGE_PROCONNECT_ISSUER: provider.issuer, MAILLAGE_PROCONNECT_CLIENT_ID: `maillage-${i}`, MAILLAGE_PROCONNECT_CLIENT_SECRET: devClient(urls[i]!).clientSecret,
      ...extra,
    });
    const start = async (i: number, extra?: Record<string, string>) => {
      const s = await runServer({ port: ports[i], production: false, env: env(i, extra) });
      running.push(s);
      return s;
    };

    let server = await start(0);
    const user = await signInThrough({ appFetch: fetch, appUrl: urls[0]!, login: 'coordinatrice' });
    const write = (url: string, path: string, body: unknown) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { ...user.headers, origin: url }, body: JSON.stringify(body) });
    const created = await write(urls[0]!, '/api/propositions', { cpts: 'REU-974-GRAND-SUD', ajouts: ['97422'] });
    expect(created.status).toBe(201);
    const p = ((await created.json()) as any).proposition;

    await server.stop();
    server = await start(0);
    const session = async (url: string) => ((await (await fetch(`${url}/api/session`, { headers: { cookie: user.cookie } })).json()) as any).utilisateur;
    expect(await session(urls[0]!)).toMatchObject({ identifiant: 'coordinatrice@cpts-grand-sud.test', roles: [{ role: 'coordinateur', territoire: 'cpts:REU-974-GRAND-SUD' }] });
    const submitted = await write(urls[0]!, `/api/propositions/${p.id}/soumettre`, { revision: p.revision });
    expect(submitted.status).toBe(200);
    await server.stop();

    const readers = [await start(1, { MAILLAGE_READ_ONLY: '1' }), await start(2, { MAILLAGE_READ_ONLY: '1' })];
    for (const r of readers) {
      expect(await session(r.url)).toMatchObject({ identifiant: 'coordinatrice@cpts-grand-sud.test', nom: 'Camille Hoarau' });
      const list = (await (await fetch(`${r.url}/api/propositions`, { headers: { cookie: user.cookie } })).json()) as any;
      expect(list.propositions.map((x: any) => [x.id, x.etat])).toEqual([[p.id, 'soumise']]);
    }
    // A cookie signed with another secret is no session.
    const forged = user.cookie.replace(/\.[^.]*$/, '.AAAA');
    expect(((await (await fetch(`${readers[0]!.url}/api/session`, { headers: { cookie: forged } })).json()) as any).utilisateur).toBeNull();
  }, 120_000);
});
