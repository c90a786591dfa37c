/**
 * The one typed client of the API: paths, parameters and responses come from the server's
 * `AppType` (import type only, nothing of the server reaches the bundle).
 */
import { hc, type ClientResponse, type InferResponseType } from 'hono/client';
import type { AppType } from '../../../server/src/app';

let csrfToken: string | null = null;
/** The session's anti-CSRF token, sent with every write (features/auth/api/get-session.ts sets it). */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every API call answers « au <date> » when the page's address has `date=AAAA-MM-JJ` (one date
 * parameter for the whole app: the server's request scope reads it), and every write carries the
 * CSRF token of the session.
 */
const scopedFetch: typeof fetch = (input, init = {}) => {
  if (typeof window === 'undefined' || typeof input !== 'string') return fetch(input, init);
  const url = new URL(input, window.location.origin);
  const date = new URLSearchParams(window.location.search).get('date');
  if (date && url.pathname.startsWith('/api/') && !url.searchParams.has('date')) url.searchParams.set('date', date);
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (csrfToken && !SAFE.has(method)) headers.set('x-csrf-token', csrfToken);
  return fetch(url.href, { ...init, headers });
};

export const client = hc<AppType>(typeof window === 'undefined' ? 'http://localhost' : window.location.origin, { fetch: scopedFetch });
export const api = client.api;

export interface ApiErrorBody {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

/** Error carrying the API's French message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a typed response, throwing the API's French message on error statuses. */
export async function read<T>(res: { ok: boolean; status: number; json(): Promise<T> }): Promise<T> {
  if (!res.ok) {
    let message = `Erreur ${res.status}`;
    try {
      message = ((await res.json()) as unknown as ApiErrorBody).error.message;
    } catch {
      /* not JSON: keep the status */
    }
    throw new ApiRequestError(res.status, message);
  }
  return res.json();
}

/** The JSON variant of a response that may also be a file (`format=csv|geojson` endpoints). */
export type JsonBody<R> = R extends ClientResponse<infer T, number, 'json'> ? T : never;

/** Like `read`, for endpoints that answer JSON or files: types the JSON answer. */
export async function readJson<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(res: R): Promise<JsonBody<R>> {
  return (await read(res)) as JsonBody<R>;
}

export type { InferResponseType };
