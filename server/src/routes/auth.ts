/**
 * Sign-in with OpenID Connect (authorization code + PKCE), sessions in signed cookies:
 * GET /api/session — who is signed in, their roles, the CSRF token, the configured providers;
 * GET /api/auth/:fournisseur/connexion?retour=/chemin — redirects to the provider;
 * GET /api/auth/:fournisseur/retour — the provider's redirect back: checks state, nonce and PKCE,
 *   opens the session, goes back to `retour` (auth/return-path.ts: a path of this app, else `/`);
 *   a failure goes back with `connexion=echec`;
 * POST /api/auth/deconnexion — closes the session (CSRF-checked like every cookie write).
 * Sign-in attempts are rate limited by client address; every successful sign-in is audited, a
 * burst of failures once.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import type { OidcProviderConfig } from '../auth/auth-config';
import { finishSignIn, startSignIn, type SignedInUser } from '../auth/oidc-client';
import { failedSignInPath, returnPath } from '../auth/return-path';
import { clearSession, clearSignIn, newCsrfToken, readSignIn, writeSession, writeSignIn } from '../auth/session-cookie';
import { appendAudit, countAuditSince } from '../db/audit-queries';
import { ApiError } from '../lib/api-error';
import { clientAddress } from '../lib/client-address';
import { tooMany } from '../lib/rate-limit';
import { validate } from '../lib/validate';

const FAILURES_BURST = 5;

const providerParam = z.object({ fournisseur: z.enum(['proconnect', 'psc'], { message: 'fournisseur inconnu (proconnect, psc)' }) });
/** Any value: auth/return-path.ts keeps a path of this app, anything else is `/` (no open redirect). */
const back = z.unknown().optional();

function providerOf(c: Context<AppEnv>, id: string): OidcProviderConfig & { secret: string } {
  const auth = c.get('config').auth;
  const p = auth?.providers.find((x) => x.id === id);
  if (!auth?.sessionSecret || !p) throw new ApiError(404, 'connexion_indisponible', 'Connexion indisponible : ce fournisseur d\'identité n\'est pas configuré sur ce serveur.');
  return { ...p, secret: auth.sessionSecret };
}

const baseUrl = (c: Context<AppEnv>) => c.get('config').auth?.publicUrl ?? new URL(c.req.url).origin;
const redirectUri = (c: Context<AppEnv>, id: string) => `${baseUrl(c)}/api/auth/${id}/retour`;

/** Counts a failed sign-in; the FAILURES_BURST-th failure of a minute from an address is audited. */
async function signInFailed(c: Context<AppEnv>, reason: string) {
  const address = clientAddress(c);
  if (await c.get('limits').signInFailures.hit(address)) return;
  const since = new Date(Date.now() - 60_000).toISOString();
  const actor = `adresse ${address}`;
  if ((await countAuditSince(c.get('state'), 'connexion.echecs', actor, since)) > 0) return;
  await appendAudit(c.get('state'), { action: 'connexion.echecs', actor, target: null, departements: [], before: null, after: null, detail: `${FAILURES_BURST} échecs de connexion ou plus en une minute (dernier : ${reason})` });
}

/** A successful sign-in is journaled: who, with which provider, when (on any process: the journal is in the state store). */
async function signInSucceeded(c: Context<AppEnv>, p: OidcProviderConfig, user: SignedInUser) {
  await appendAudit(c.get('state'), { action: 'connexion.reussie', actor: user.id, target: p.label, departements: [], before: null, after: null, detail: `Connexion par ${p.label} (${user.name})` });
}

export const authRoutes = new Hono<AppEnv>()
  .get('/session', (c) => {
    const { actor } = c.get('scope');
    const auth = c.get('config').auth;
    return c.json({
      utilisateur: actor.kind === 'utilisateur' ? { identifiant: actor.id, nom: actor.name, fournisseur: actor.provider, roles: actor.roles } : null,
      csrf: actor.kind === 'utilisateur' ? actor.csrf : null,
      fournisseurs: (auth?.sessionSecret ? auth.providers : []).map((p) => ({ id: p.id, nom: p.label })),
    });
  })
  .get('/auth/:fournisseur/connexion', validate('param', providerParam), validate('query', z.object({ retour: back })), async (c) => {
    if (!(await c.get('limits').signIn.hit(clientAddress(c)))) throw tooMany('Trop de tentatives de connexion');
    const p = providerOf(c, c.req.valid('param').fournisseur);
    const started = await startSignIn(p, redirectUri(c, p.id));
    await writeSignIn(c, p.secret, c.get('config').auth!.publicUrl, { provider: p.id, state: started.state, nonce: started.nonce, verifier: started.verifier, back: returnPath(c.req.valid('query').retour) });
    return c.redirect(started.url.href, 302);
  })
  .get('/auth/:fournisseur/retour', validate('param', providerParam), async (c) => {
    if (!(await c.get('limits').signIn.hit(clientAddress(c)))) throw tooMany('Trop de tentatives de connexion');
    const p = providerOf(c, c.req.valid('param').fournisseur);
    const auth = c.get('config').auth!;
    const tx = await readSignIn(c, p.secret);
    clearSignIn(c);
    const fail = async (reason: string) => {
      await signInFailed(c, reason);
      return c.redirect(failedSignInPath(tx?.back), 302);
    };
    if (!tx || tx.provider !== p.id) return fail('transaction de connexion absente ou expirée');
    const callback = new URL(`${redirectUri(c, p.id)}${new URL(c.req.url).search}`);
    let user: SignedInUser;
    try {
      user = await finishSignIn(p, callback, tx);
    } catch (err) {
      return fail((err as Error).message);
    }
    await signInSucceeded(c, p, user);
    await writeSession(c, p.secret, auth.publicUrl, { ...user, csrf: newCsrfToken() }, auth.sessionSeconds);
    return c.redirect(returnPath(tx.back), 302);
  })
  .post('/auth/deconnexion', (c) => {
    clearSession(c);
    return c.json({ deconnecte: true });
  });
