/**
 * Who may call an import at all, before the file is read: a signed-in ARS delegate, or the
 * machine token (`Authorization: Bearer <MAILLAGE_EDITOR_TOKEN>`, compared in constant time by the
 * request scope). Whether the file's rows fall within their territory is checked once they are
 * prepared, inside the import's transaction (policy.importInto, routes/imports.ts). Without a
 * token nor sign-in configured, HTTP imports are disabled (403): imports go through the CLI.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { policy } from '../policy/policy';
import { ApiError } from './api-error';

export const requireEditor = createMiddleware<AppEnv>(async (c, next) => {
  const { actor } = c.get('scope');
  const config = c.get('config');
  if (actor.kind === 'utilisateur') {
    policy.importInto(actor, [], new Map());
    return next();
  }
  if (!config.editorToken && !config.auth?.sessionSecret) {
    throw new ApiError(403, 'imports_desactives', 'Les imports sont désactivés : aucun jeton éditeur n\'est configuré (MAILLAGE_EDITOR_TOKEN) ni aucune connexion.');
  }
  const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
  if (actor.kind !== 'jeton') {
    c.header('WWW-Authenticate', 'Bearer realm="maillage"');
    throw new ApiError(401, 'non_authentifie', given ? 'Jeton éditeur refusé.' : 'Jeton éditeur requis : en-tête « Authorization: Bearer <jeton> ».');
  }
  await next();
});
