import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { getMeta, listDatasets } from '../db/meta-queries';
import { tileSetVersion } from '../db/tile-queries';
import { referenceData } from '../lib/analysis-cache';

export const healthRoutes = new Hono<AppEnv>()
  .get('/health', async (c) => {
    const meta = await getMeta(c.get('db'));
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
    const meta = await getMeta(db);
    return c.json({ millesime: meta.millesime, population: meta.populationSource, geometrie: meta.geometrySource, fichiers: await listDatasets(db) });
  });
