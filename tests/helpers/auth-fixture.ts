/**
 * The fixture app with sign-in configured against the local OpenID provider (started here, on a
 * free port), on a private writable copy of the database (its own state store beside it).
 */
import { afterAll, beforeAll } from 'vitest';
import { startDevOidcProvider, type RunningProvider } from '../../scripts/lib/dev-oidc-provider';
import type { AuthConfig } from '../../server/src/auth/auth-config';
import { NO_AUTH } from '../../server/src/auth/auth-config';
import { fixtureApp, type FixtureApp } from './fixture-app';
import { signInThrough, type SignedIn } from './oidc-sign-in';
import type { StateKind } from './state-fixture';

export const APP_URL = 'http://maillage.test';
export const SESSION_SECRET = 'secret-de-session-des-tests-0123456789';
const CLIENT = { clientId: 'maillage-test', clientSecret: 'secret-client-de-test' };

export function authConfig(issuer: string, appUrl = APP_URL, extra: Partial<AuthConfig> = {}): AuthConfig {
  return {
    ...NO_AUTH, sessionSecret: SESSION_SECRET, publicUrl: appUrl,
    providers: [{ id: 'proconnect', label: 'ProConnect', issuer, ...CLIENT, scope: 'openid email profile' }],
    ...extra,
  };
}

export const devClient = (appUrl: string) => ({ ...CLIENT, redirectUris: [`${appUrl}/api/auth/proconnect/retour`, `${appUrl}/api/auth/psc/retour`] });

export interface AuthFixture {
  f: FixtureApp;
  provider: RunningProvider;
  /** Signs in through the provider's pages; `back`: the `retour` asked of the sign-in. */
  signIn(login: string, back?: string): Promise<SignedIn>;
}

/** `state`: the kind of state store (both are tested by the suites that loop over STATE_KINDS). */
export function useAuthFixture(extra: Partial<AuthConfig> = {}, config: Record<string, unknown> = {}, state?: StateKind): { get(): AuthFixture } {
  let fx: AuthFixture | undefined;
  beforeAll(async () => {
    const provider = await startDevOidcProvider({ clients: [devClient(APP_URL)] });
    const f = await fixtureApp({ writable: true, config: { auth: authConfig(provider.issuer, APP_URL, extra), ...config }, state });
    const appFetch = (url: string, init?: RequestInit) => Promise.resolve(f.app.request(url, init));
    fx = { f, provider, signIn: (login, back) => signInThrough({ appFetch, appUrl: APP_URL, login, back }) };
  });
  afterAll(async () => {
    await fx?.f.close();
    await fx?.provider.stop();
  });
  return { get: () => fx! };
}
