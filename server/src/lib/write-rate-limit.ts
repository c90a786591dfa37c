/**
 * Writes per minute (imports, proposals, roles, sign-out), by user or token, else by client
 * address: 429 beyond, nothing done. Computations sent as POST (`/perimeter`, `/neighbourhood`:
 * the draft mode calls them at every click) write nothing and are not counted.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { clientAddress } from './client-address';
import { tooMany } from './rate-limit';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const WRITES = /^\/api\/(imports|propositions|roles|auth)(\/|$)/;

export const writeRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method) && WRITES.test(c.req.path)) {
    const { actor } = c.get('scope');
    const key = actor.kind === 'utilisateur' ? `u:${actor.id}` : actor.kind === 'jeton' ? `j:${actor.name}` : `a:${clientAddress(c)}`;
    if (!(await c.get('limits').writes.hit(key))) throw tooMany('Trop d’écritures');
  }
  await next();
});
