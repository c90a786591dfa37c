import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { searchCommunes } from '../db/search-queries';
import { planSearch } from '../search/plan-search';
import { validate } from '../lib/validate';

const searchQuery = z.object({
  q: z.string().trim().min(1, 'saisissez un nom de commune, un code postal ou un code INSEE').max(200, '200 caractères au plus'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const searchRoutes = new Hono<AppEnv>().get('/search', validate('query', searchQuery), async (c) => {
  const { q, limit } = c.req.valid('query');
  const results = await searchCommunes(c.get('db'), planSearch(q), limit);
  return c.json({ query: q, results });
});
