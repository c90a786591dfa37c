/**
 * Sessions and sign-in transactions held by the browser, never by a server process: JSON values
 * in HMAC-signed cookies (hono/cookie), each purpose under its own key derived from
 * MAILLAGE_SESSION_SECRET and read back only in its exact shape (auth/signed-token.ts), `HttpOnly`,
 * `SameSite=Lax` (the provider's redirect back is a top-level navigation), `Secure` behind https.
 * Any process that knows the secret reads them, so sessions survive a restart and work across
 * several processes. A session carries its expiry and a CSRF token; roles are read from the
 * state store on every request, so a revoked role takes effect at once.
 */
import type { Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { nowSeconds, readToken, writeToken } from './signed-token';

export const SESSION_COOKIE = 'maillage_session';
export const SIGN_IN_COOKIE = 'maillage_connexion';

const provider = z.enum(['proconnect', 'psc']);
const text = (max: number) => z.string().min(1).max(max);
const exp = z.number().int().positive();

/** A session, exactly (auth/signed-token.ts: anything else is no session). */
const sessionShape = z.strictObject({
  /** Identifier the roles are granted to: the e-mail (lower case), else `<fournisseur>:<sub>`. */
  id: text(320),
  name: text(500),
  provider,
  /** Double-submit token: writes must send it back in `X-CSRF-Token`. */
  csrf: z.string().regex(/^[\w-]{32}$/),
  /** Expiry, seconds since the epoch. */
  exp,
});
export type Session = z.infer<typeof sessionShape>;

/** A sign-in transaction, exactly. */
const signInShape = z.strictObject({
  provider,
  state: text(200),
  nonce: text(200),
  verifier: text(200),
  /** Page to go back to after signing in (auth/return-path.ts). */
  back: text(500),
  exp,
});
export type SignInTransaction = z.infer<typeof signInShape>;

export const newCsrfToken = () => randomBytes(24).toString('base64url');

const secure = (publicUrl: string | null, c: Context) => (publicUrl ?? c.req.url).startsWith('https:');

export const readSession = (c: Context, secret: string) => readToken(c, secret, SESSION_COOKIE, 'session', sessionShape);
export const readSignIn = (c: Context, secret: string) => readToken(c, secret, SIGN_IN_COOKIE, 'connexion', signInShape);

export async function writeSession(c: Context, secret: string, publicUrl: string | null, session: Omit<Session, 'exp'>, seconds: number): Promise<void> {
  await writeToken(c, secret, SESSION_COOKIE, 'session', sessionShape, { ...session, exp: nowSeconds() + seconds }, {
    path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(publicUrl, c), maxAge: seconds,
  });
}

export async function writeSignIn(c: Context, secret: string, publicUrl: string | null, tx: Omit<SignInTransaction, 'exp'>): Promise<void> {
  const seconds = 600;
  await writeToken(c, secret, SIGN_IN_COOKIE, 'connexion', signInShape, { ...tx, exp: nowSeconds() + seconds }, {
    path: '/api/auth', httpOnly: true, sameSite: 'Lax', secure: secure(publicUrl, c), maxAge: seconds,
  });
}

export function clearSignIn(c: Context) {
  deleteCookie(c, SIGN_IN_COOKIE, { path: '/api/auth' });
}

export function clearSession(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
