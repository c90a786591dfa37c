/**
 * Serves the built web app (production): files precompressed by the build (`.br`, `.gz` beside
 * each text asset, scripts/lib/vite-precompress.ts) are sent with their `content-encoding` and
 * `vary: accept-encoding`; hashed assets are cached for a year (`immutable`), everything else is
 * revalidated. Client-side routes (/cpts/…, /snp…) get the app shell, compressed once at start; other paths get it
 * with the status `statusOf` gives (404: the app shows its « page introuvable »).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, Next } from 'hono';
import { preferredEncoding } from './encoded-body';

export function mountWebApp(app: Hono, webDist: string, statusOf: (path: string) => 200 | 404 = () => 200): void {
  const root = relative(process.cwd(), webDist) || '.';
  const html = readFileSync(`${webDist}/index.html`);
  const shell = { identity: html, br: brotliCompressSync(html), gzip: gzipSync(html, { level: 9 }) };
  // Headers set after serveStatic answered (its onFound runs after the response is built, too late).
  const cacheFor = (value: string) => async (c: Context, next: Next) => {
    await next();
    if (c.res.status === 200 && !c.res.headers.has('cache-control')) c.res.headers.set('cache-control', value);
  };
  app.use('/assets/*', cacheFor('public, max-age=31536000, immutable'), serveStatic({ root, precompressed: true }));
  app.use('*', cacheFor('no-cache'), serveStatic({ root, precompressed: true }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const encoding = preferredEncoding(c.req.header('accept-encoding'));
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', vary: 'accept-encoding' };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    return c.body(new Uint8Array(shell[encoding]), statusOf(c.req.path), headers);
  });
}
