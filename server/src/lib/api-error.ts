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
    /** Headers of the answer (`Retry-After` of a 503). */
    readonly headers: Record<string, string> = {},
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

/** French code and message of an HTTPException thrown by Hono or a middleware (their texts are English). */
function httpExceptionBody(err: HTTPException): ApiErrorBody {
  switch (err.status) {
    case 400:
      return /json/i.test(err.message)
        ? errorBody('json_invalide', 'Corps de requête illisible : JSON mal formé (vérifiez les guillemets, virgules et accolades).')
        : errorBody('requete_invalide', 'Requête mal formée.');
    case 401: return errorBody('non_authentifie', 'Authentification requise.');
    case 413: return errorBody('trop_volumineux', 'Corps de requête trop volumineux.');
    case 415: return errorBody('type_non_pris_en_charge', 'Type de contenu non pris en charge.');
    case 431: return errorBody('en_tetes_trop_grands', 'En-têtes de requête trop volumineux.');
    default: return errorBody('refus', 'Requête refusée.');
  }
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return c.json(errorBody(err.code, err.message, err.issues), err.status);
  }
  if (err instanceof HTTPException) {
    const res = err.getResponse();
    for (const [name, value] of res.headers) if (name.toLowerCase() === 'www-authenticate') c.header(name, value);
    return c.json(httpExceptionBody(err), err.status);
  }
  console.error(err);
  return c.json(errorBody('erreur_interne', 'Erreur interne du serveur. L\'incident a été journalisé.'), 500);
}
