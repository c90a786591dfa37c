/**
 * The OpenID Connect client (openid-client): discovery of each configured provider, the
 * authorization URL with PKCE (S256), state and nonce, and the code exchange that checks them and
 * reads the user's claims (ID token, then userinfo — ProConnect gives the e-mail there).
 * Only the providers' metadata is kept in memory (a cache that decides no answer).
 */
import * as client from 'openid-client';
import type { OidcProviderConfig, ProviderId } from './auth-config';

const configs = new Map<string, Promise<client.Configuration>>();

/** http is allowed only for a provider on this machine (the local provider of development and tests). */
const isLocal = (issuer: string) => /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(issuer);

function configOf(p: OidcProviderConfig): Promise<client.Configuration> {
  const key = `${p.issuer}|${p.clientId}`;
  let c = configs.get(key);
  if (!c) {
    c = client.discovery(new URL(p.issuer), p.clientId, p.clientSecret, undefined, isLocal(p.issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
    configs.set(key, c);
    c.catch(() => configs.delete(key));
  }
  return c;
}

export interface StartedSignIn {
  url: URL;
  state: string;
  nonce: string;
  verifier: string;
}

export async function startSignIn(p: OidcProviderConfig, redirectUri: string): Promise<StartedSignIn> {
  const config = await configOf(p);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri, scope: p.scope, state, nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  return { url, state, nonce, verifier };
}

export interface SignedInUser {
  id: string;
  name: string;
  provider: ProviderId;
}

export async function finishSignIn(p: OidcProviderConfig, callbackUrl: URL, checks: { state: string; nonce: string; verifier: string }): Promise<SignedInUser> {
  const config = await configOf(p);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true,
  });
  const idClaims = tokens.claims()!;
  const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  const claims: Record<string, unknown> = { ...idClaims, ...info };
  const mail = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const email = mail.length > 0 && mail.length <= 254 ? mail : null; // RFC 5321: 254 characters at most
  const given = claims.given_name ?? '';
  const family = claims.usual_name ?? claims.family_name ?? '';
  // At most 200 characters: the name travels in the session cookie (auth/session-cookie.ts).
  const name = (String(claims.name ?? `${given} ${family}`).trim() || email || idClaims.sub).slice(0, 200);
  return { id: email ?? `${p.id}:${idClaims.sub}`, name, provider: p.id };
}
