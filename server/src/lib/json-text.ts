/**
 * Answers JSON already serialised (e.g. GeoJSON assembled from stored geometry text) while
 * keeping the response type for `hono/client`.
 */
import type { Context, TypedResponse } from 'hono';

export function jsonText<T>(c: Context, text: string, headers: Record<string, string> = {}): TypedResponse<T, 200, 'json'> {
  return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8', ...headers }) as unknown as TypedResponse<T, 200, 'json'>;
}
