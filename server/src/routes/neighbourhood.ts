/**
 * POST /neighbourhood { "communes": ["44114", …] }: the communes of a perimeter and those along
 * its border (sharing a boundary), each with its population and the CPTS that list it. What a CPTS
 * page needs for its neighbours, overlaps and holes, and a draft perimeter for its live figures.
 * `listeCptsComplete` says whether the commune's département has a complete CPTS list: a commune
 * without CPTS is a zone blanche only then (« non renseigné » otherwise).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { cptsOfCommunes } from '../db/neighbourhood-queries';
import { badRequest } from '../lib/api-error';
import { validate } from '../lib/validate';
import { completeDepartements } from '../analysis/completeness';
import { analysisContext, careInputs } from './analysis-context';
import { runGeometry } from '../workers/run-geometry';

const body = z.object({
  communes: z.array(z.string().trim().toUpperCase().regex(/^(\d{5}|2[AB]\d{3})$/, 'code commune de 5 caractères attendu')).max(5000, { message: 'au plus 5 000 communes' }),
});

export const neighbourhoodRoutes = new Hono<AppEnv>().post('/neighbourhood', validate('json', body), async (c) => {
  const ctx = await analysisContext(c);
  const codes = [...new Set(c.req.valid('json').communes)].sort();
  const unknown = codes.filter((code) => !ctx.table.byCode.has(code));
  if (unknown.length > 0) throw badRequest(`Communes inconnues : ${unknown.slice(0, 20).join(', ')}.`, unknown.map((u) => ({ path: 'communes', message: `commune inconnue : ${u}` })));
  // Communes whose territory lies in a bordering polygon (their own, or their container's), on the geometry worker.
  const neighbours = await runGeometry(c, ctx, { op: 'neighbours', codes });
  const cpts = await cptsOfCommunes(ctx.db, [...codes, ...neighbours], { demo: ctx.demo, date: ctx.date });
  const complete = completeDepartements((await careInputs(ctx)).care.completeness, 'cpts');
  const row = (code: string) => {
    const x = ctx.table.byCode.get(code)!;
    return { code, nom: x.nom, departement: x.departement, population: x.population, cpts: cpts.get(code) ?? [], listeCptsComplete: complete.has(x.departement) };
  };
  return c.json({ membres: codes.map(row), voisines: neighbours.map(row) });
});
