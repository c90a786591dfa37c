/**
 * The one error shape of the API: `{ error: { code, message, issues } }`, message in French.
 * Routes throw ApiError; the app's onError turns anything else into a 500 without a stack trace.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; issues: ApiIssue[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (message: string) => new ApiError(404, 'introuvable', message);
export const badRequest = (message: string, issues: ApiIssue[] = []) => new ApiError(400, 'requete_invalide', message, issues);

export function errorBody(code: string, message: string, issues: ApiIssue[] = []): ApiErrorBody {
  return { error: { code, message, issues } };
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.issues), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const message = status === 413 ? 'Fichier trop volumineux.' : status === 401 ? 'Authentification requise.' : err.message || 'Requête refusée.';
    return c.json(errorBody(status === 413 ? 'trop_volumineux' : status === 401 ? 'non_authentifie' : 'refus', message), status);
  }
  console.error(err);
  return c.json(errorBody('erreur_interne', 'Erreur interne du serveur. L\'incident a été journalisé.'), 500);
}
