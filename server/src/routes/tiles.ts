import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { getTile, tileRange } from '../db/tile-queries';
import { badRequest } from '../lib/api-error';
import { validate } from '../lib/validate';

const tileParams = z.object({
  z: z.coerce.number().int().min(0).max(22),
  x: z.coerce.number().int().min(0),
  y: z.string().regex(/^\d+\.pbf$/, 'tuile attendue : {y}.pbf'),
});

export const tileRoutes = new Hono<AppEnv>()
  .get('/tiles/metadata', async (c) => {
    const range = await tileRange(c.get('db'));
    return c.json({ ...range, layers: ['communes', 'communes_labels', 'departements', 'regions'] });
  })
  .get('/tiles/:z/:x/:y', validate('param', tileParams), async (c) => {
    const { z: zoom, x } = c.req.valid('param');
    const y = Number(c.req.valid('param').y.replace('.pbf', ''));
    const max = 2 ** zoom;
    if (x >= max || y >= max) throw badRequest(`Tuile ${zoom}/${x}/${y} hors de la grille.`);
    const tile = await getTile(c.get('db'), zoom, x, y);
    // An absent tile is an empty tile (sea, outside the data): 200 with no content.
    return c.body(tile ? new Uint8Array(tile) : new Uint8Array(0), 200, {
      'content-type': 'application/x-protobuf',
      'cache-control': 'public, max-age=3600',
    });
  });
