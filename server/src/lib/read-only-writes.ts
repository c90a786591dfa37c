/**
 * A process whose data is read-only and that has no importer (MAILLAGE_READ_ONLY=1 without data
 * versions) cannot apply an import: imports sent to it are refused in French with 503
 * `lecture_seule`, before anything is done. Proposals and roles are not refused: they go to the
 * state store (PostgreSQL), which every process writes.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { ApiError } from './api-error';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const DATA_WRITES = /^\/api\/imports(\/|$)/;

export const readOnlyImports = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('config').readOnly && !c.get('importer') && !SAFE.has(c.req.method) && DATA_WRITES.test(c.req.path)) {
    throw new ApiError(503, 'lecture_seule', 'Cette instance sert des données en lecture seule : les imports vont à une instance qui les accepte (MAILLAGE_VERSIONS=1, ou sans MAILLAGE_READ_ONLY).');
  }
  await next();
});
