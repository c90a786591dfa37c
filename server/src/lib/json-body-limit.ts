/**
 * Size limit of every request body but the imports' (which have their own, MAILLAGE_IMPORT_MAX_MO):
 * 2 Mo, five times the largest valid body (40 000 commune codes). Checked on Content-Length
 * before reading, and while reading a chunked body, so an oversized body is never buffered whole.
 */
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { errorBody } from './api-error';

export const JSON_BODY_MAX_BYTES = 2 * 1024 * 1024;

const limit = bodyLimit({
  maxSize: JSON_BODY_MAX_BYTES,
  onError: (c) => c.json(errorBody('trop_volumineux', 'Corps de requête trop volumineux : 2 Mo au plus (40 000 codes commune tiennent en 400 Ko).'), 413),
});

export const jsonBodyLimit = createMiddleware(async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path.startsWith('/api/imports/')) return next();
  return limit(c, next);
});
