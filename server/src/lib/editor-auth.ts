/**
 * Editor access to writes (imports): `Authorization: Bearer <MAILLAGE_EDITOR_TOKEN>`. Without the
 * token configured, writes are disabled (403); without the right token, 401. Compared in
 * constant time (the scope reads the token: scope/request-scope.ts). Full roles come later.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { ApiError } from './api-error';

export const requireEditor = createMiddleware<AppEnv>(async (c, next) => {
  const token = c.get('config').editorToken;
  if (!token) throw new ApiError(403, 'imports_desactives', 'Les imports sont désactivés : aucun jeton éditeur n\'est configuré (MAILLAGE_EDITOR_TOKEN).');
  const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
  if (c.get('scope').actor.kind !== 'jeton') {
    c.header('WWW-Authenticate', 'Bearer realm="maillage"');
    throw new ApiError(401, 'non_authentifie', given ? 'Jeton éditeur refusé.' : 'Jeton éditeur requis : en-tête « Authorization: Bearer <jeton> ».');
  }
  await next();
});
