/**
 * Signed cookies that say what they are for. Each purpose — the session, the sign-in
 * transaction — signs with its own key, derived from MAILLAGE_SESSION_SECRET by HKDF-SHA256
 * (RFC 5869, info `maillage:<purpose>:v2`), never with the secret itself. So a token of one
 * purpose never verifies as another's (a sign-in transaction copied into the session cookie is
 * no session), nor does one of the format before (signed with the secret, issue 21).
 *
 * The reader checks, in this order: the signature under the purpose's key, JSON, the exact shape
 * (a strict zod schema: no missing, extra or mistyped field), the expiry. Anything else is `null`
 * — no token — and it never throws: a crafted cookie is « pas de session », never a 500.
 */
import { hkdfSync } from 'node:crypto';
import type { Context } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { z } from 'zod';

export type TokenPurpose = 'session' | 'connexion';
export const TOKEN_PURPOSES: readonly TokenPurpose[] = ['session', 'connexion'];

/** The HMAC key of a purpose (32 bytes). */
export function purposeKey(secret: string, purpose: TokenPurpose): ArrayBuffer {
  return hkdfSync('sha256', secret, 'maillage', `maillage:${purpose}:v2`, 32);
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The value of cookie `name` if it is a live token of `purpose` of the schema's shape, else null. */
export async function readToken<T extends { exp: number }>(c: Context, secret: string, name: string, purpose: TokenPurpose, schema: z.ZodType<T>): Promise<T | null> {
  let raw: string | false | undefined;
  try {
    raw = await getSignedCookie(c, purposeKey(secret, purpose), name);
  } catch {
    return null;
  }
  if (typeof raw !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success && parsed.data.exp > nowSeconds() ? parsed.data : null;
}

/** Sets cookie `name` to `value`, signed for `purpose`; a value its reader would refuse is an error here. */
export async function writeToken<T extends { exp: number }>(c: Context, secret: string, name: string, purpose: TokenPurpose, schema: z.ZodType<T>, value: T, options: CookieOptions): Promise<void> {
  if (!schema.safeParse(value).success) throw new Error(`jeton « ${purpose} » mal formé à l'écriture`);
  await setSignedCookie(c, name, JSON.stringify(value), purposeKey(secret, purpose), options);
}
