/**
 * The signed-in user of a request: the session cookie (auth/session-cookie.ts) and the roles the
 * state store grants to its identifier. A write (any method but GET/HEAD/OPTIONS) carried by the
 * cookie must also pass the CSRF check: an `Origin` of this app when the browser sends one, and
 * the session's token in `X-CSRF-Token` (double submit); otherwise 403 and nothing is done.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../context';
import { rolesOf } from '../db/role-queries';
import { ApiError } from '../lib/api-error';
import type { Actor } from '../scope/request-scope';
import { readSession } from './session-cookie';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(c: Context<AppEnv>, publicUrl: string | null): boolean {
  const origin = c.req.header('origin');
  if (!origin) return true;
  const allowed = new Set([new URL(c.req.url).origin]);
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = c.req.header('host');
  if (host) allowed.add(`${new URL(c.req.url).protocol}//${host}`);
  return allowed.has(origin);
}

export async function sessionActor(c: Context<AppEnv>): Promise<Actor | null> {
  const auth = c.get('config').auth;
  if (!auth?.sessionSecret) return null;
  const session = await readSession(c, auth.sessionSecret);
  if (!session) return null;
  if (!SAFE.has(c.req.method)) {
    if (!sameOrigin(c, auth.publicUrl)) throw new ApiError(403, 'csrf', 'Requête refusée : elle ne vient pas de l\'application (origine inattendue).');
    if (c.req.header('x-csrf-token') !== session.csrf) throw new ApiError(403, 'csrf', 'Requête refusée : jeton anti-CSRF absent ou invalide (rechargez la page).');
  }
  const roles = (await rolesOf(c.get('state'), session.id)).map(({ role, territoire }) => ({ role, territoire }));
  return { kind: 'utilisateur', id: session.id, name: session.name, provider: session.provider, roles, csrf: session.csrf };
}
