/**
 * A read-only process (MAILLAGE_READ_ONLY=1) serves signed-in users from its copy of the writer's
 * state store (db/state-snapshots.ts) but never writes it: proposals, roles and imports sent to it
 * are refused in French with 503 `lecture_seule`, before anything is done — a write accepted there
 * would be lost at the next snapshot. The load balancer sends them to the writer.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { ApiError } from './api-error';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const STATE_WRITES = /^\/api\/(imports|propositions|roles)(\/|$)/;

export const readOnlyWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('config').readOnly && !SAFE.has(c.req.method) && STATE_WRITES.test(c.req.path)) {
    throw new ApiError(503, 'lecture_seule', 'Cette instance est en lecture seule : les écritures (imports, propositions, rôles) vont à l’instance d’écriture.');
  }
  await next();
});
