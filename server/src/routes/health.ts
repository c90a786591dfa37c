import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { checkDatabaseHealth } from '../db/health-queries';
import { getMeta, listDatasets } from '../db/meta-queries';
import { ApiError } from '../lib/api-error';

export const healthRoutes = new Hono<AppEnv>()
  .get('/health', async (c) => {
    const db = c.get('db');
    const { problems } = await checkDatabaseHealth(db);
    if (problems.length > 0) {
      throw new ApiError(503, 'base_defaillante', `Base de données défaillante : ${problems.join(' ; ')}. Reconstruisez-la (npm run build:data).`, problems.map((message) => ({ path: 'base', message })));
    }
    const meta = await getMeta(db);
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
