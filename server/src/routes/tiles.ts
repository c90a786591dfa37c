/**
 * GET /tiles/{z}/{x}/{y}.pbf: the vector tiles cut by the build (`/tiles/limites/…`: the same grid
 * with the départements and régions layers alone), stored gzipped and sent as they
 * are (`content-encoding: gzip`; unzipped only for a client that refuses gzip). With `v=` equal to
 * the tile set's version (GET /tiles/metadata, /config) a tile is cached for a year: a new build
 * gives a new version, hence new URLs; without it, one hour, revalidated by ETag.
 */
import { gunzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { getTile, tileRange, tileSetVersion, type TileSet } from '../db/tile-queries';
import { badRequest } from '../lib/api-error';
import { acceptsEncoding } from '../lib/encoded-body';
import { referenceData } from '../lib/analysis-cache';
import { validate } from '../lib/validate';
import { communeIndex } from '../analysis/commune-index';
import { analysisContext } from './analysis-context';

const tileParams = z.object({
  z: z.coerce.number().int().min(0).max(22),
  x: z.coerce.number().int().min(0),
  y: z.string().regex(/^\d+\.pbf$/, 'tuile attendue : {y}.pbf'),
});
const tileQuery = z.object({ v: z.string().max(64).optional() });

const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

export const tileRoutes = new Hono<AppEnv>()
  .get('/tiles/metadata', async (c) => {
    const db = c.get('db');
    const [range, version] = await Promise.all([tileRange(db), referenceData(db, 'tile-version', () => tileSetVersion(db))]);
    return c.json({ ...range, version, layers: ['communes', 'communes_labels', 'departements', 'regions'] });
  })
  // The tile set's commune index (analysis/commune-index.ts): the order of the compact per-commune states (/access/snp/etats).
  .get('/tiles/communes', validate('query', tileQuery), async (c) => {
    const ctx = await analysisContext(c);
    const version = await referenceData(ctx.db, 'tile-version', () => tileSetVersion(ctx.db));
    const cacheControl = c.req.valid('query').v === version ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
    return c.json({ version, codes: communeIndex(ctx.table).join(',') }, 200, { 'cache-control': cacheControl });
  })
  // Départements and régions alone, for the views below zoom 7 (same grid, same version).
  .get('/tiles/limites/:z/:x/:y', validate('param', tileParams), validate('query', tileQuery), (c) => serveTile(c, 'limites', c.req.valid('param'), c.req.valid('query').v))
  .get('/tiles/:z/:x/:y', validate('param', tileParams), validate('query', tileQuery), (c) => serveTile(c, 'communes', c.req.valid('param'), c.req.valid('query').v));

async function serveTile(c: Context<AppEnv>, set: TileSet, params: z.infer<typeof tileParams>, v: string | undefined) {
  const { z: zoom, x } = params;
  const y = Number(params.y.replace('.pbf', ''));
  const max = 2 ** zoom;
  if (x >= max || y >= max) throw badRequest(`Tuile ${zoom}/${x}/${y} hors de la grille.`);
  const db = c.get('db');
  const version = await referenceData(db, 'tile-version', () => tileSetVersion(db));
  const etag = `"t${version}-${set === 'limites' ? 'l' : ''}${zoom}-${x}-${y}"`;
  const headers: Record<string, string> = {
    'content-type': 'application/x-protobuf',
    'cache-control': v === version ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    etag,
    vary: 'accept-encoding',
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  // Tiles are read once per process (the whole France set is ~17 MB gzipped): a tile request then costs no query.
  const tiles = await referenceData(db, `tile-bytes-${set}`, async () => new Map<string, Promise<Buffer | null>>());
  const id = `${zoom}/${x}/${y}`;
  let pending = tiles.get(id);
  if (!pending) tiles.set(id, (pending = getTile(db, zoom, x, y, set)));
  const stored = await pending.catch((err) => {
    tiles.delete(id);
    throw err;
  });
  // An absent tile is an empty tile (sea, outside the data): 200 with no content.
  if (!stored) return c.body(new Uint8Array(0), 200, headers);
  if (!isGzip(stored)) return c.body(new Uint8Array(stored), 200, headers);
  if (!acceptsEncoding(c.req.header('accept-encoding'), 'gzip')) return c.body(new Uint8Array(gunzipSync(stored)), 200, headers);
  return c.body(new Uint8Array(stored), 200, { ...headers, 'content-encoding': 'gzip' });
}
