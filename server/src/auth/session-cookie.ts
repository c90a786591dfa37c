/**
 * Sessions and sign-in transactions held by the browser, never by a server process: JSON values
 * in HMAC-signed cookies (hono/cookie, secret MAILLAGE_SESSION_SECRET), `HttpOnly`,
 * `SameSite=Lax` (the provider's redirect back is a top-level navigation), `Secure` behind https.
 * Any process that knows the secret reads them, so sessions survive a restart and work across
 * several processes. A session carries its expiry and a CSRF token; roles are read from the
 * state store on every request, so a revoked role takes effect at once.
 */
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import type { ProviderId } from './auth-config';

export const SESSION_COOKIE = 'maillage_session';
export const SIGN_IN_COOKIE = 'maillage_connexion';

export interface Session {
  /** Identifier the roles are granted to: the e-mail (lower case), else `<fournisseur>:<sub>`. */
  id: string;
  name: string;
  provider: ProviderId;
  /** Double-submit token: writes must send it back in `X-CSRF-Token`. */
  csrf: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export interface SignInTransaction {
  provider: ProviderId;
  state: string;
  nonce: string;
  verifier: string;
  /** Page to go back to after signing in (a path of this app). */
  back: string;
  exp: number;
}

const now = () => Math.floor(Date.now() / 1000);
export const newCsrfToken = () => randomBytes(24).toString('base64url');

const secure = (publicUrl: string | null, c: Context) => (publicUrl ?? c.req.url).startsWith('https:');

async function readJson<T extends { exp: number }>(c: Context, secret: string, name: string): Promise<T | null> {
  const raw = await getSignedCookie(c, secret, name);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as T;
    return typeof value.exp === 'number' && value.exp > now() ? value : null;
  } catch {
    return null;
  }
}

export const readSession = (c: Context, secret: string) => readJson<Session>(c, secret, SESSION_COOKIE);
export const readSignIn = (c: Context, secret: string) => readJson<SignInTransaction>(c, secret, SIGN_IN_COOKIE);

export async function writeSession(c: Context, secret: string, publicUrl: string | null, session: Omit<Session, 'exp'>, seconds: number): Promise<void> {
  const value: Session = { ...session, exp: now() + seconds };
  await setSignedCookie(c, SESSION_COOKIE, JSON.stringify(value), secret, {
    path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(publicUrl, c), maxAge: seconds,
  });
}

export async function writeSignIn(c: Context, secret: string, publicUrl: string | null, tx: Omit<SignInTransaction, 'exp'>): Promise<void> {
  const seconds = 600;
  await setSignedCookie(c, SIGN_IN_COOKIE, JSON.stringify({ ...tx, exp: now() + seconds }), secret, {
    path: '/api/auth', httpOnly: true, sameSite: 'Lax', secure: secure(publicUrl, c), maxAge: seconds,
  });
}

export function clearSignIn(c: Context) {
  deleteCookie(c, SIGN_IN_COOKIE, { path: '/api/auth' });
}

export function clearSession(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
