/**
 * GET /cpts/:id/acces-snp — the soins non programmés figures of a CPTS page, computed here for
 * every commune the CPTS lists (all its départements): its SNP offers (the one « is an SNP
 * offer » rule, analysis/snp-offers.ts), the population-weighted distance to the nearest offer
 * and the population beyond 30 km. Cached per data version like every analysis.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { cptsSnpFigures } from '../analysis/cpts-snp-figures';
import { notFound } from '../lib/api-error';
import { validate } from '../lib/validate';
import { analysisContext, cachedAnalysis, careInputs } from './analysis-context';

export const cptsAccessRoutes = new Hono<AppEnv>().get('/cpts/:id/acces-snp', validate('param', z.object({ id: z.string().trim().min(1).max(100) })), async (c) => {
  const { id } = c.req.valid('param');
  const ctx = await analysisContext(c);
  const { care } = await careInputs(ctx);
  const cpts = care.cpts.find((x) => x.id === id);
  if (!cpts) throw notFound(`CPTS « ${id} » inconnue.`);
  const { value, version } = await cachedAnalysis(ctx, `cpts-snp|${id}`, (inputs) => cptsSnpFigures(cpts, ctx.table, inputs.structures));
  return c.json({ cpts: { id: cpts.id, nom: cpts.name }, versionDonnees: version, ...value });
});
