/**
 * Sign-in configuration, read from the environment with the rest of the server configuration.
 * Two OpenID Connect providers, each enabled when its issuer, client id and secret are set:
 * ProConnect (agents of the State, the ARS) and Pro Santé Connect (health professionals).
 * Without MAILLAGE_SESSION_SECRET or without any provider, nobody signs in: the app is public and
 * read-only, imports go through the CLI (or the territory-scoped machine token).
 */
export type ProviderId = 'proconnect' | 'psc';

export interface OidcProviderConfig {
  id: ProviderId;
  /** Button label (DSFR « ProConnect » / « Pro Santé Connect »). */
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface AuthConfig {
  /** Secret that signs the session and sign-in cookies (≥ 32 characters); null: sign-in disabled. */
  sessionSecret: string | null;
  /** Public address of the app (redirect URIs: `<url>/api/auth/<fournisseur>/retour`, cookie `Secure` when https). */
  publicUrl: string | null;
  providers: OidcProviderConfig[];
  /** Session lifetime in seconds (MAILLAGE_SESSION_HEURES, default 8 h). */
  sessionSeconds: number;
  /** Per process and per minute: sign-in attempts by client address, writes by user or token. */
  signInPerMinute: number;
  writesPerMinute: number;
}

const PROVIDERS: { id: ProviderId; prefix: string; label: string; scope: string }[] = [
  { id: 'proconnect', prefix: 'MAILLAGE_PROCONNECT', label: 'ProConnect', scope: 'openid email given_name usual_name' },
  { id: 'psc', prefix: 'MAILLAGE_PSC', label: 'Pro Santé Connect', scope: 'openid scope_all' },
];

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const secret = env.MAILLAGE_SESSION_SECRET || null;
  if (secret !== null && secret.length < 32) throw new Error('MAILLAGE_SESSION_SECRET trop court : 32 caractères au moins.');
  const providers = PROVIDERS.flatMap(({ id, prefix, label, scope }) => {
    const issuer = env[`${prefix}_ISSUER`];
    const clientId = env[`${prefix}_CLIENT_ID`];
    const clientSecret = env[`${prefix}_CLIENT_SECRET`];
    if (!issuer || !clientId || !clientSecret) return [];
    return [{ id, label, issuer, clientId, clientSecret, scope: env[`${prefix}_SCOPE`] || scope }];
  });
  const perMinute = (name: string, fallback: number) => {
    const n = Number(env[name] ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} invalide : ${env[name]} (entier ≥ 1)`);
    return n;
  };
  return {
    sessionSecret: secret,
    publicUrl: env.MAILLAGE_PUBLIC_URL ? env.MAILLAGE_PUBLIC_URL.replace(/\/+$/, '') : null,
    providers: secret ? providers : [],
    sessionSeconds: Number(env.MAILLAGE_SESSION_HEURES ?? 8) * 3600,
    signInPerMinute: perMinute('MAILLAGE_LIMITE_CONNEXIONS', 20),
    writesPerMinute: perMinute('MAILLAGE_LIMITE_ECRITURES', 120),
  };
}

export const NO_AUTH: AuthConfig = { sessionSecret: null, publicUrl: null, providers: [], sessionSeconds: 8 * 3600, signInPerMinute: 20, writesPerMinute: 120 };
