import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { recentHealth } from '../db/health-queries';
import { getMeta, listDatasets } from '../db/meta-queries';
import { ApiError } from '../lib/api-error';
import { tileSetVersion } from '../db/tile-queries';
import { referenceData } from '../lib/analysis-cache';

export const healthRoutes = new Hono<AppEnv>()
  .get('/health', async (c) => {
    const db = c.get('db');
    const { problems } = await recentHealth(db);
    if (problems.length > 0) {
      throw new ApiError(503, 'base_defaillante', `Base de données défaillante : ${problems.join(' ; ')}. Reconstruisez-la (npm run build:data).`, problems.map((message) => ({ path: 'base', message })));
    }
    const meta = await referenceData(db, 'meta', () => getMeta(db));
    return c.json({ ok: true as const, millesime: meta.millesime, communes: meta.communes, perimetre: meta.scope });
  })
  .get('/config', async (c) => {
    const { basemap, demo } = c.get('config');
    const db = c.get('db');
    const [meta, tuiles] = await Promise.all([getMeta(db), referenceData(db, 'tile-version', () => tileSetVersion(db))]);
    // `tuiles`: the tile set's version, put in tile URLs so that tiles are cached for good (routes/tiles.ts).
    return c.json({ basemap, demo, millesime: meta.millesime, perimetre: meta.scope, tuiles });
  })
  .get('/sources', async (c) => {
    const db = c.get('db');
    const meta = await referenceData(db, 'meta', () => getMeta(db));
    return c.json({ millesime: meta.millesime, population: meta.populationSource, geometrie: meta.geometrySource, fichiers: await listDatasets(db) });
  });
