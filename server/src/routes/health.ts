import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { getMeta, listDatasets } from '../db/meta-queries';

export const healthRoutes = new Hono<AppEnv>()
  .get('/health', async (c) => {
    const meta = await getMeta(c.get('db'));
    return c.json({ ok: true as const, millesime: meta.millesime, communes: meta.communes, perimetre: meta.scope });
  })
  .get('/config', async (c) => {
    const { basemap, demo } = c.get('config');
    const meta = await getMeta(c.get('db'));
    return c.json({ basemap, demo, millesime: meta.millesime, perimetre: meta.scope });
  })
  .get('/sources', async (c) => {
    const db = c.get('db');
    const meta = await getMeta(db);
    return c.json({ millesime: meta.millesime, population: meta.populationSource, geometrie: meta.geometrySource, fichiers: await listDatasets(db) });
  });
