/**
 * POST /cpts/:id/brouillon { "communes": [...] } — a draft perimeter of a CPTS as a table: every
 * commune of the draft and every official commune it leaves out, each with « ajoutée »,
 * « retirée » or « inchangée », under the CPTS's id and name. `?format=csv` downloads it (French
 * Excel), JSON otherwise. The official communes are those of the CPTS at the request's date (scope).
 * The JSON also carries `effetDepartements`: for each département the CPTS or its draft touches,
 * the CPTS coverage before and with the draft (analysis/draft-coverage.ts; « non renseignée »,
 * `part: null`, where the département's CPTS list is not complete). Nothing is saved.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { cptsCommunes, cptsSummary } from '../db/cpts-queries';
import { badRequest, notFound } from '../lib/api-error';
import { exportFileName, sendExport } from '../lib/attachment';
import { toCsv } from '../lib/csv';
import { validate } from '../lib/validate';
import { analysisContext, runTask } from './analysis-context';
import { compareCodes } from '../analysis/compare';

const body = z.object({
  communes: z.array(z.string({ error: 'code commune attendu (texte)' }).trim().toUpperCase(), { error: 'liste « communes » attendue' }).max(40_000, { message: 'au plus 40 000 communes' }),
});
const query = z.object({ format: z.enum(['json', 'csv'], { error: 'format attendu : json ou csv' }).default('json') });

export type DraftChangeKind = 'ajoutée' | 'retirée' | 'inchangée';

export const cptsDraftRoutes = new Hono<AppEnv>().post(
  '/cpts/:id/brouillon',
  validate('param', z.object({ id: z.string().trim().min(1).max(100) })),
  validate('json', body),
  validate('query', query),
  async (c) => {
    const { id } = c.req.valid('param');
    const { communes } = c.req.valid('json');
    const { format } = c.req.valid('query');
    const ctx = await analysisContext(c);
    const { demo, date } = c.get('scope');
    const cpts = await cptsSummary(ctx.db, id, demo, date);
    if (!cpts) throw notFound(`CPTS ${id} inconnue.`);
    const unknown = [...new Set(communes.filter((code) => !ctx.table.byCode.has(code)))];
    if (unknown.length > 0) throw badRequest(`Communes inconnues : ${unknown.slice(0, 20).join(', ')}.`, unknown.map((u) => ({ path: 'communes', message: `commune inconnue : ${u}` })));
    const official = new Set((await cptsCommunes(ctx.db, id, demo, date)).map((m) => m.code));
    const draft = new Set(communes);
    const rows = [...new Set([...draft, ...official])].sort(compareCodes).map((code) => {
      const x = ctx.table.byCode.get(code)!;
      const changement: DraftChangeKind = draft.has(code) ? (official.has(code) ? 'inchangée' : 'ajoutée') : 'retirée';
      return { code, nom: x.nom, departement: x.departement, population: x.population, changement, dansLeBrouillon: draft.has(code) };
    });
    if (format === 'csv') {
      const text = toCsv([
        { header: 'cpts_id', value: () => cpts.id }, { header: 'cpts_nom', value: () => cpts.name },
        { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'departement', value: (r) => r.departement },
        { header: 'population', value: (r) => r.population }, { header: 'changement', value: (r) => r.changement }, { header: 'dans_le_brouillon', value: (r) => r.dansLeBrouillon },
      ], rows);
      return sendExport(c, text, exportFileName('brouillon-perimetre', id.toLowerCase(), 'csv'), 'csv');
    }
    const effetDepartements = await runTask(ctx, { op: 'brouillon-effets', cptsId: id, communes: [...draft], date });
    return c.json({ cpts: { id: cpts.id, nom: cpts.name }, communes: rows, effetDepartements });
  },
);
