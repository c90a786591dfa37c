/**
 * The request scope: who asks, whether demonstration rows are shown, and the date the answer is
 * true at (« au <date> »). Built once per request by `scopeMiddleware` and read by routes and
 * services through `c.get('scope')` — routes never read the configuration, tokens or the `date`
 * parameter themselves.
 *
 * - `actor`: anonymous readers, a machine token (scripts), or a signed-in user with their roles
 *   (auth/session-actor.ts; what each may do is decided by policy/policy.ts, never here).
 * - `demo`: the server's MAILLAGE_DEMO setting.
 * - `date`: the `date` query parameter (AAAA-MM-JJ) when given, else today in Paris; `dateGiven`
 *   says which, so that answers can state « au <date> » only when it was asked.
 */
import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { isValidDay } from '../analysis/partial-date';
import type { AppEnv } from '../context';
import { badRequest } from '../lib/api-error';
import { parisDay } from '../lib/attachment';
import type { ProviderId } from '../auth/auth-config';
import { sessionActor } from '../auth/session-actor';
import type { RoleName } from '../db/state-schema';

export interface ActorRole {
  role: RoleName;
  /** france | region:<code> | departement:<code> | cpts:<id> */
  territoire: string;
}

export type Actor =
  | { kind: 'anonyme' }
  /** The editor token of MAILLAGE_EDITOR_TOKEN (scripts), scoped to MAILLAGE_EDITOR_TOKEN_TERRITOIRES. */
  | { kind: 'jeton'; name: string; territoires: string[] }
  /** Signed in through an OpenID provider (auth/), roles read from the state store on each request. */
  | { kind: 'utilisateur'; id: string; name: string; provider: ProviderId; roles: ActorRole[]; csrf: string };

export interface RequestScope {
  actor: Actor;
  demo: boolean;
  /** AAAA-MM-JJ: the day the answer is true at. */
  date: string;
  /** True when the client asked for `date`; false when it is today by default. */
  dateGiven: boolean;
}

/** The one French message for a malformed day, here and in the zod `dayParam`. */
export const DAY_MESSAGE = 'date attendue au format AAAA-MM-JJ (ex. 2026-11-23)';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The bearer token of the request, when it is the configured editor token. */
function tokenActor(authorization: string | undefined, editorToken: string | null, territoires: string[]): Actor | null {
  const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!given || !editorToken || !same(given, editorToken)) return null;
  return { kind: 'jeton', name: 'MAILLAGE_EDITOR_TOKEN', territoires };
}

export function readScope(
  input: { authorization?: string; date?: string | null },
  config: { demo: boolean; editorToken: string | null; editorTokenTerritories?: string[] },
  today = parisDay(),
): RequestScope {
  const date = input.date ?? null;
  if (date !== null && !isValidDay(date)) {
    throw badRequest(`Paramètres invalides : date — ${DAY_MESSAGE}`, [{ path: 'date', message: DAY_MESSAGE }]);
  }
  return {
    actor: tokenActor(input.authorization, config.editorToken, config.editorTokenTerritories ?? ['france']) ?? { kind: 'anonyme' },
    demo: config.demo,
    date: date ?? today,
    dateGiven: date !== null,
  };
}

export const scopeMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const config = c.get('config');
  const scope = readScope({ authorization: c.req.header('authorization'), date: c.req.query('date') ?? null }, config);
  if (scope.actor.kind === 'anonyme') scope.actor = (await sessionActor(c)) ?? scope.actor;
  c.set('scope', scope);
  await next();
});
