/**
 * Two server processes on two separate geodata folders — two « machines », each with its own copy
 * of the data version (MAILLAGE_VERSIONS=1) — sharing one PostgreSQL server for what users write:
 * a coordinator submits on A, the ARS delegate validates on B, the CPTS version is visible on both
 * (A's perimeter follows through LISTEN/NOTIFY); two delegates validating at once on A and B →
 * exactly one 200 and one 409, and so do two saves of one draft at the same revision; a role revoked on B is refused on A at the next request; the write
 * rate limit counts the writes of both processes together. Real processes, real sign-in.
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
import { signInThrough, type SignedIn } from '../helpers/oidc-sign-in';
import { freshStateLocation, type StateLocation } from '../helpers/state-fixture';

const CPTS = 'REU-974-GRAND-SUD';
const running: (RunningServer | RunningProvider)[] = [];
let location: StateLocation | undefined;
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  await location?.dispose();
});

/** A « machine »: its own folder with its own copy of the data. */
function machine(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-machine-'));
  for (const f of ['maillage.duckdb', 'communes.topo.json']) copyFileSync(join(inject('fixtureDir'), f), join(dir, f));
  return dir;
}

describe('two machines sharing one PostgreSQL', () => {
  it('write on either, see on both, one winner of a race, a revocation refused everywhere at once', async () => {
    location = await freshStateLocation('postgres');
    const db = await openDatabase(join(inject('fixtureDir'), 'maillage.duckdb'), { readOnly: true });
    const state = await location.open();
    const regionOf = await departementRegions(db);
    for (const [identifiant, role, territoire] of [
      ['coordinatrice@cpts-grand-sud.test', 'coordinateur', `cpts:${CPTS}`],
      ['delegue974@ars-reunion.test', 'délégué ARS', 'departement:974'],
      ['delegue@ars-reunion.test', 'délégué ARS', 'region:04'],
      ['admin@maillage.test', 'administrateur', 'france'],
    ] as const) await changeRole(db, state, { machine: 'test' }, regionOf, { identifiant, role, territoire }, true);
    db.close();
    await state.close();

    const ports = [await freePort(), await freePort()];
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    const provider = await startDevOidcProvider({ clients: urls.map((u, i) => ({ ...devClient(u), clientId: `maillage-${i}` })) });
    running.push(provider);
    const [A, B] = await Promise.all(urls.map(async (u, i) => {
      const dir = machine();
      const s = await runServer({
        port: ports[i], production: false,
        env: {
          GEODATA_DIR: dir, MAILLAGE_VERSIONS: '1', ...location!.env, MAILLAGE_SESSION_SECRET: SESSION_SECRET, MAILLAGE_PUBLIC_URL: u,
          MAILLAGE_PROCONNECT_ISSUER: provider.issuer, MAILLAGE_PROCONNECT_CLIENT_ID: `maillage-${i}`, MAILLAGE_PROCONNECT_CLIENT_SECRET: devClient(u).clientSecret,
          MAILLAGE_LIMITE_ECRITURES: '1000',
        },
      });
      running.push(s);
      return s;
    })) as [RunningServer, RunningServer];

    const signIn = (i: number, login: string) => signInThrough({ appFetch: fetch, appUrl: urls[i]!, login });
    const coord = await signIn(0, 'coordinatrice');
    const ars1 = await signIn(0, 'delegue-974');
    const ars2 = await signIn(1, 'delegue-reunion');
    const admin = await signIn(1, 'admin');
    const call = async (server: RunningServer, who: SignedIn | null, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, { method, headers: { ...(who?.headers ?? {}), origin: server.url }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };
    const perimeter = async (server: RunningServer) => ((await call(server, null, 'GET', `/api/cpts/${CPTS}`)).body.communes as { code: string }[]).map((c) => c.code).sort();

    // Submitted on A, validated on B.
    expect(await perimeter(A)).toEqual(['97405', '97412', '97417']);
    const created = await call(A, coord, 'POST', '/api/propositions', { cpts: CPTS, ajouts: ['97422'] });
    expect(created.status).toBe(201);
    const submitted = await call(A, coord, 'POST', `/api/propositions/${created.body.proposition.id}/soumettre`, { revision: created.body.proposition.revision });
    expect(submitted.status).toBe(200);
    const queueOnB = await call(B, ars2, 'GET', '/api/propositions?etat=soumise');
    expect(queueOnB.body.propositions.map((p: any) => p.id)).toEqual([created.body.proposition.id]);
    const validated = await call(B, ars2, 'POST', `/api/propositions/${created.body.proposition.id}/valider`, { revision: submitted.body.proposition.revision });
    expect(validated.status).toBe(200);
    for (const server of [A, B]) {
      const versions = (await call(server, null, 'GET', `/api/cpts/${CPTS}/versions`)).body.versions;
      expect(versions.map((v: any) => [v.origine, v.communes.length ?? v.communes])).toEqual([['données', 3], ['proposition', 4]]);
    }
    expect(await perimeter(B)).toEqual(['97405', '97412', '97417', '97422']);
    // A learns of the new version by notification: its perimeter follows (waited for, not slept).
    await expect.poll(() => perimeter(A), { timeout: 10_000, interval: 50 }).toEqual(['97405', '97412', '97417', '97422']);

    // Two delegates at once, on A and on B: one wins, the other is told.
    const second = await call(A, coord, 'POST', '/api/propositions', { cpts: CPTS, retraits: ['97405'] });
    const sub2 = await call(A, coord, 'POST', `/api/propositions/${second.body.proposition.id}/soumettre`, { revision: second.body.proposition.revision });
    const race = await Promise.all([
      call(A, ars1, 'POST', `/api/propositions/${second.body.proposition.id}/valider`, { revision: sub2.body.proposition.revision }),
      call(B, ars2, 'POST', `/api/propositions/${second.body.proposition.id}/valider`, { revision: sub2.body.proposition.revision }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)!.body.error.message).toMatch(/a changé entre-temps/);
    const versions = (await call(B, null, 'GET', `/api/cpts/${CPTS}/versions`)).body.versions;
    expect(versions.filter((v: any) => v.origine === 'proposition')).toHaveLength(2);

    // The same draft saved at once from A and from B at the same revision (two tabs): one save wins, the other is told.
    const draft = await call(A, coord, 'POST', '/api/propositions', { cpts: CPTS, ajouts: ['97416'] });
    const saves = await Promise.all([
      call(A, coord, 'PUT', `/api/propositions/${draft.body.proposition.id}`, { revision: draft.body.proposition.revision, ajouts: ['97416', '97424'] }),
      call(B, coord, 'PUT', `/api/propositions/${draft.body.proposition.id}`, { revision: draft.body.proposition.revision, ajouts: ['97424'] }),
    ]);
    expect(saves.map((r) => r.status).sort()).toEqual([200, 409]);
    const kept = (await call(B, coord, 'GET', `/api/propositions/${draft.body.proposition.id}`)).body.proposition;
    expect(kept.revision).toBe(draft.body.proposition.revision + 1);
    expect(kept.ajouts).toEqual(saves.find((r) => r.status === 200)!.body.proposition.ajouts);

    // Revoked on B, refused on A at the very next request.
    const ok = await call(A, coord, 'POST', '/api/propositions', { cpts: CPTS, ajouts: ['97416'] });
    expect(ok.status).toBe(201);
    const revoked = await call(B, admin, 'DELETE', '/api/roles', { identifiant: 'coordinatrice@cpts-grand-sud.test', role: 'coordinateur', territoire: `cpts:${CPTS}` });
    expect(revoked.body).toEqual({ retire: true });
    const refused = await call(A, coord, 'POST', '/api/propositions', { cpts: CPTS, ajouts: ['97416'] });
    expect(refused.status).toBe(403);
    expect((await call(A, coord, 'GET', '/api/session')).body.utilisateur.roles).toEqual([]);
  }, 240_000);
});
