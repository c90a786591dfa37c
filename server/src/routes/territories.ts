import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { listDepartements, listRegions, regionExists } from '../db/territory-queries';
import { getMeta } from '../db/meta-queries';
import { notFound } from '../lib/api-error';
import { validate } from '../lib/validate';
import { regionCode } from './params';

async function source(c: { get(k: 'db'): AppEnv['Variables']['db'] }) {
  const meta = await getMeta(c.get('db'));
  return { population: meta.populationSource, millesime: meta.millesime };
}

export const territoryRoutes = new Hono<AppEnv>()
  .get('/regions', async (c) => c.json({ regions: await listRegions(c.get('db')), source: await source(c) }))
  .get('/departements', validate('query', z.object({ region: regionCode.optional() })), async (c) => {
    const { region } = c.req.valid('query');
    const db = c.get('db');
    if (region && !(await regionExists(db, region))) throw notFound(`Région ${region} inconnue.`);
    return c.json({ departements: await listDepartements(db, region), source: await source(c) });
  });
