/**
 * Issue 21, the two 500s of the outside attack run, and the audit of successful sign-ins:
 * - the sign-in transaction cookie copied into the session cookie is no session (401 for the
 *   writes, anonymous for the reads; every purpose under every name: bad-input-tokens.test.ts);
 * - a return address with control characters, or leaving the app, comes back as `/` — through
 *   Node's own HTTP server, where a control character in `Location` is a 500;
 * - a successful sign-in is in the journal (who, provider, when).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departementRegions } from '../../server/src/db/role-queries';
import { allChecksums } from '../helpers/state-fixture';
import { changeRole } from '../../server/src/services/roles';
import { APP_URL, useAuthFixture } from '../helpers/auth-fixture';
import { listen, type Listening } from '../helpers/node-listen';

const fx = useAuthFixture({ signInPerMinute: 1_000 });

const cookieOf = (res: Response, name: string) => {
  const kv = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`));
  expect(kv, `cookie ${name} posé`).toBeTruthy();
  return kv!.slice(name.length + 1);
};

describe('a signed cookie of another purpose', () => {
  it('the sign-in transaction in the session cookie is no session: anonymous reads, 401 writes, nothing written', async () => {
    const { f } = fx.get();
    const tx = cookieOf(await f.app.request(`${APP_URL}/api/auth/proconnect/connexion?retour=/cpts`), 'maillage_connexion');
    const before = await allChecksums(f);
    const headers = { cookie: `maillage_session=${tx}`, origin: APP_URL, 'content-type': 'application/json' };
    const session = await f.app.request(`${APP_URL}/api/session`, { headers });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ utilisateur: null, csrf: null });
    const calls: [string, string, string | undefined][] = [
      ['GET', '/api/journal', undefined],
      ['POST', '/api/roles', JSON.stringify({ identifiant: 'intrus@exemple.test', role: 'administrateur', territoire: 'france' })],
      ['POST', '/api/propositions', JSON.stringify({ cpts: 'REU-974-GRAND-SUD', ajouts: ['97422'] })],
      ['POST', '/api/imports/sas?nom=sas.csv', 'departement;statut\n974;opérationnel\n'],
    ];
    for (const [method, path, body] of calls) {
      const res = await f.app.request(`${APP_URL}${path}`, { method, headers, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(((await res.json()) as any).error.code, `${method} ${path}`).toBe('non_authentifie');
    }
    expect(await allChecksums(f)).toEqual(before);
  });
});

describe('the return address after sign-in, through Node\'s HTTP server', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(fx.get().f.app);
  });
  afterAll(() => server?.close());

  /** Starts a sign-in asking `retour` (as sent, percent-encoded), then fails it at the callback. */
  const failedSignIn = async (retour: string) => {
    const start = await fetch(`${server.url}/api/auth/proconnect/connexion?retour=${retour}`, { redirect: 'manual' });
    expect(start.status, `connexion?retour=${retour}`).toBe(302);
    const tx = cookieOf(start, 'maillage_connexion');
    return fetch(`${server.url}/api/auth/proconnect/retour?error=access_denied&state=faux`, { redirect: 'manual', headers: { cookie: `maillage_connexion=${tx}` } });
  };

  it('a control character, a second slash, a backslash or a scheme in `retour` sends back to `/`', async () => {
    for (const retour of ['/%01/evil.test', '/%7F', '/%00', '/cpts%0D%0ASet-Cookie:%20x=1', '/%09/evil.test', '//malveillant.example', '/%5Cmalveillant.example', '/a%5Cb', '/a//b', 'https://malveillant.example/', 'javascript:alert(1)', 'cpts', '/%C3%A9', `/${'x'.repeat(600)}`]) {
      const res = await failedSignIn(retour);
      const body = await res.text();
      expect(res.status, `retour=${retour} → ${body.slice(0, 200)}`).toBe(302);
      expect(res.headers.get('location'), `retour=${retour}`).toBe('/?connexion=echec');
    }
  });

  it('a path of the app, with its query, is kept', async () => {
    const res = await failedSignIn(encodeURIComponent('/cpts/REU-974-GRAND-SUD?date=2026-01-01&couches=cpts,structures#carte'));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/cpts/REU-974-GRAND-SUD?date=2026-01-01&couches=cpts,structures&connexion=echec#carte');
  });
});

describe('a successful sign-in', () => {
  it('goes back to the path asked, or to `/` when it is not a path of the app, and is in the journal', async () => {
    const { f, signIn } = fx.get();
    await changeRole(f.db, f.state, { machine: 'test' }, await departementRegions(f.db), { identifiant: 'admin@maillage.test', role: 'administrateur', territoire: 'france' }, true);
    const started = Date.now() - 1000; // the journal's time is to the millisecond
    expect((await signIn('coordinatrice', '/cpts/REU-974-GRAND-SUD?date=2026-01-01')).landing).toBe(`${APP_URL}/cpts/REU-974-GRAND-SUD?date=2026-01-01`);
    expect((await signIn('delegue-974', '/\u0001/evil.test')).landing).toBe(`${APP_URL}/`);
    const admin = await signIn('admin');
    const res = await f.app.request(`${APP_URL}/api/journal`, { headers: admin.headers });
    expect(res.status).toBe(200);
    const { entrees } = (await res.json()) as { entrees: { auteur: string; action: string; objet: string; date: string; detail: string }[] };
    const signIns = entrees.filter((e) => e.action === 'connexion.reussie');
    for (const who of ['coordinatrice@cpts-grand-sud.test', 'delegue974@ars-reunion.test', 'admin@maillage.test']) {
      const entry = signIns.find((e) => e.auteur === who);
      expect(entry, `connexion de ${who} au journal`).toBeTruthy();
      expect(entry!.objet).toBe('ProConnect');
      expect(entry!.detail).toMatch(/^Connexion par ProConnect/);
      expect(Date.parse(entry!.date)).toBeGreaterThanOrEqual(started);
    }
    const csv = await (await f.app.request(`${APP_URL}/api/journal?format=csv`, { headers: admin.headers })).text();
    expect(csv).toMatch(/admin@maillage\.test;connexion\.reussie;ProConnect/);
  });
});
