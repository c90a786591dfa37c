/**
 * Safety of the loop besides the matrix: a burst of failed sign-ins is recorded once in the audit
 * log; writes beyond the per-minute limit are refused (429) and change nothing; with no sign-in
 * configured the app is public and read-only (no provider offered, writes refused, reads answered);
 * the sign-in redirect carries PKCE (S256), state and nonce.
 */
import { describe, expect, it } from 'vitest';
import { allChecksums, STATE_KINDS } from '../helpers/state-fixture';
import { departementRegions } from '../../server/src/db/role-queries';
import { changeRole } from '../../server/src/services/roles';
import { fixtureApp } from '../helpers/fixture-app';
import { APP_URL, useAuthFixture } from '../helpers/auth-fixture';

const STATE = (t: string) => t.startsWith('etat.') || ['cpts', 'cpts_communes'].includes(t);

for (const kind of STATE_KINDS) {
  describe(`sign-in and write limits — ${kind}`, () => {
    const fx = useAuthFixture({ writesPerMinute: 3, signInPerMinute: 30 }, {}, kind);
    it('redirects to the provider with PKCE S256, state and nonce', async () => {
      const { f, provider } = fx.get();
      const res = await f.app.request(`${APP_URL}/api/auth/proconnect/connexion?retour=/cpts`);
      expect(res.status).toBe(302);
      const to = new URL(res.headers.get('location')!);
      expect(to.origin).toBe(provider.issuer);
      expect(to.searchParams.get('code_challenge_method')).toBe('S256');
      expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(to.searchParams.get('state')).toBeTruthy();
      expect(to.searchParams.get('nonce')).toBeTruthy();
      expect(to.searchParams.get('redirect_uri')).toBe(`${APP_URL}/api/auth/proconnect/retour`);
      expect(res.headers.get('set-cookie')).toMatch(/^maillage_connexion=.*; HttpOnly; SameSite=Lax/);
      // A return path outside the app is not refused but replaced by `/` (tests/auth/sign-in-cookies-api.test.ts).
      expect((await f.app.request(`${APP_URL}/api/auth/proconnect/connexion?retour=//malveillant.example`)).status).toBe(302);
      expect((await f.app.request(`${APP_URL}/api/auth/psc/connexion`)).status).toBe(404); // not configured here
    });

    it('records a burst of failed sign-ins once in the audit log', async () => {
      const { f } = fx.get();
      const count = async () => (await f.state.query<{ n: number }>("SELECT count(*)::integer AS n FROM etat.audit WHERE action = 'connexion.echecs'"))[0]!.n;
      for (let i = 0; i < 4; i++) {
        const res = await f.app.request(`${APP_URL}/api/auth/proconnect/retour?code=faux&state=faux`);
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toBe('/?connexion=echec');
      }
      expect(await count()).toBe(0);
      for (let i = 0; i < 3; i++) await f.app.request(`${APP_URL}/api/auth/proconnect/retour?code=faux&state=faux`);
      expect(await count()).toBe(1);
      const [entry] = await f.state.query<{ actor: string; detail: string }>("SELECT actor, detail FROM etat.audit WHERE action = 'connexion.echecs'");
      expect(entry).toEqual({ actor: 'adresse local', detail: '5 échecs de connexion ou plus en une minute (dernier : transaction de connexion absente ou expirée)' });
    });

    it('refuses writes beyond the per-minute limit, changing nothing', async () => {
      const { f, signIn } = fx.get();
      await changeRole(f.db, f.state, { machine: 'test' }, await departementRegions(f.db), { identifiant: 'coordinatrice@cpts-grand-sud.test', role: 'coordinateur', territoire: 'cpts:REU-974-GRAND-SUD' }, true);
      const coord = await signIn('coordinatrice');
      const post = () => f.app.request(`${APP_URL}/api/propositions`, { method: 'POST', headers: coord.headers, body: JSON.stringify({ cpts: 'REU-974-GRAND-SUD', ajouts: ['97422'] }) });
      for (let i = 0; i < 3; i++) expect((await post()).status).toBe(201);
      const before = await allChecksums(f, { only: STATE });
      const refused = await post();
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as any).error.message).toBe('Trop d’écritures en une minute : réessayez dans un instant.');
      expect(await allChecksums(f, { only: STATE })).toEqual(before);
      // Computations sent as POST write nothing and are not limited (the draft mode calls them at every click).
      const perimeter = await f.app.request(`${APP_URL}/api/perimeter`, { method: 'POST', headers: coord.headers, body: JSON.stringify({ communes: ['97412'] }) });
      expect(perimeter.status).toBe(200);
    });
  });
}

describe('with no sign-in configured', () => {
  it('is public and read-only: no provider, writes refused, reads answered', async () => {
    const f = await fixtureApp({ config: { editorToken: null } });
    try {
      expect(await f.get('/api/session')).toEqual({ status: 200, body: { utilisateur: null, csrf: null, fournisseurs: [] } });
      expect((await f.app.request('/api/auth/proconnect/connexion')).status).toBe(404);
      const write = await f.app.request('/api/propositions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cpts: 'REU-974-GRAND-SUD', ajouts: ['97422'] }) });
      expect(write.status).toBe(401);
      expect((await f.app.request('/api/imports/sas', { method: 'POST', body: 'x' })).status).toBe(403);
      expect((await f.get('/api/cpts/REU-974-GRAND-SUD')).body.communes).toHaveLength(3);
      expect((await f.get('/api/cpts/REU-974-GRAND-SUD/versions')).body.versions).toHaveLength(1);
    } finally {
      f.close();
    }
  });
});
