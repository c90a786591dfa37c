/**
 * A real OpenID provider on this machine (the `oidc-provider` package) for development and tests:
 * its own login and consent pages (any password), authorization code with PKCE required, signed
 * ID tokens and userinfo, a few test users. Never a mocked sign-in: the app talks to it exactly as
 * it talks to ProConnect or Pro Santé Connect.
 */
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './run-server';

export interface TestUser {
  login: string;
  email: string;
  given_name: string;
  family_name: string;
}

/** Test users: who they are here; their roles are granted in Maillage (npm run roles, or the tests). */
export const TEST_USERS: TestUser[] = [
  { login: 'coordinatrice', email: 'coordinatrice@cpts-grand-sud.test', given_name: 'Camille', family_name: 'Hoarau' },
  { login: 'delegue-974', email: 'delegue974@ars-reunion.test', given_name: 'Dominique', family_name: 'Payet' },
  { login: 'delegue-44', email: 'delegue44@ars-pdl.test', given_name: 'Sacha', family_name: 'Garcia' },
  { login: 'coordinateur-autre', email: 'coordinateur@cpts-autre.test', given_name: 'Lou', family_name: 'Martin' },
  { login: 'delegue-reunion', email: 'delegue@ars-reunion.test', given_name: 'Noé', family_name: 'Grondin' },
  { login: 'admin', email: 'admin@maillage.test', given_name: 'Alex', family_name: 'Admin' },
  { login: 'lecteur', email: 'lecteur@exemple.test', given_name: 'Claude', family_name: 'Lecteur' },
];

export interface DevClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface RunningProvider {
  issuer: string;
  stop(): Promise<void>;
}

export async function startDevOidcProvider({ clients, port }: { clients: DevClient[]; port?: number }): Promise<RunningProvider> {
  const listen = port ?? (await freePort());
  const issuer = `http://127.0.0.1:${listen}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId, client_secret: c.clientSecret, redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    })),
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'given_name', 'usual_name', 'scope_all'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name', 'name'], given_name: ['given_name'], usual_name: ['usual_name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['maillage-fournisseur-de-test'] },
    ttl: { Interaction: 3600, Session: 86_400, Grant: 86_400, AccessToken: 3600, IdToken: 3600, AuthorizationCode: 600 },
    async findAccount(_ctx, id) {
      const user = TEST_USERS.find((u) => u.login === id);
      if (!user) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: user.email, email_verified: true, given_name: user.given_name, family_name: user.family_name, usual_name: user.family_name, name: `${user.given_name} ${user.family_name}` };
        },
      };
    },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(listen, '127.0.0.1', resolve));
  return {
    issuer,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
