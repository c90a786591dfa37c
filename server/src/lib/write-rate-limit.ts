/** Writes (any method but GET/HEAD/OPTIONS) per minute, by user or token, else by client address: 429 beyond. */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { clientAddress } from './client-address';
import { tooMany } from './rate-limit';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const writeRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const { actor } = c.get('scope');
    const key = actor.kind === 'utilisateur' ? `u:${actor.id}` : actor.kind === 'jeton' ? `j:${actor.name}` : `a:${clientAddress(c)}`;
    if (!c.get('limits').writes.hit(key)) throw tooMany('Trop d’écritures');
  }
  await next();
});
