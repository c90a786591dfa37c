/**
 * POST /perimeter { "communes": ["44109", …] }: the exact dissolve of any set of communes, with
 * area, population, bounding box and label point. Old codes (communes merged or renamed since)
 * are translated and reported; unknown codes answer 400 listing them. `?format=csv` lists the
 * member communes; `?format=geojson` downloads the feature as a FeatureCollection.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { passagesOf } from '../db/import-queries';
import { getMeta } from '../db/meta-queries';
import { badRequest } from '../lib/api-error';
import { exportFileName, sendExport } from '../lib/attachment';
import { toCsv } from '../lib/csv';
import { featureCollectionText } from '../lib/geojson-text';
import { validate } from '../lib/validate';
import { analysisContext } from './analysis-context';
import { formatParam } from './analysis-params';
import { compareCodes } from '../analysis/compare';
import { runGeometry } from '../workers/run-geometry';

const body = z.object({
  communes: z
    .array(z.string({ error: 'code commune attendu (texte)' }).trim().toUpperCase(), { error: 'liste « communes » attendue' })
    .min(1, { message: 'au moins une commune' })
    .max(40_000, { message: 'au plus 40 000 communes' }),
});

export const perimeterRoutes = new Hono<AppEnv>().post('/perimeter', validate('json', body), validate('query', z.object({ format: formatParam })), async (c) => {
  const { communes } = c.req.valid('json');
  const { format } = c.req.valid('query');
  const ctx = await analysisContext(c);
  const malformed = communes.filter((code) => !/^(\d{5}|2[AB]\d{3})$/.test(code));
  if (malformed.length > 0) {
    throw badRequest(`Codes commune mal formés : ${malformed.slice(0, 20).join(', ')}${malformed.length > 20 ? '…' : ''} (5 caractères, ex. 44109, 2A004).`, malformed.map((m) => ({ path: 'communes', message: `code mal formé : ${m}` })));
  }
  const notCurrent = [...new Set(communes.filter((code) => !ctx.table.byCode.has(code)))];
  const passage = new Map((await passagesOf(ctx.db, notCurrent)).map((p) => [p.oldCode, p.code]));
  const unknown = notCurrent.filter((code) => !passage.has(code));
  if (unknown.length > 0) {
    const { millesime } = await getMeta(ctx.db);
    throw badRequest(
      `Communes inconnues du Code officiel géographique ${millesime} : ${unknown.slice(0, 20).join(', ')}${unknown.length > 20 ? ` et ${unknown.length - 20} autres` : ''}.`,
      unknown.map((u) => ({ path: 'communes', message: `commune inconnue : ${u}` })),
    );
  }
  const current = [...new Set(communes.map((code) => passage.get(code) ?? code))].sort();
  const feature = await runGeometry(c, ctx, { op: 'perimeter', codes: current });
  const translated = [...passage].map(([ancien, nouveau]) => ({ ancien, nouveau })).sort((a, b) => compareCodes(a.ancien, b.ancien));
  const slug = `${current.length}-communes`;
  if (format === 'csv') {
    const from = new Map<string, string[]>();
    for (const t of translated) (from.get(t.nouveau) ?? from.set(t.nouveau, []).get(t.nouveau)!).push(t.ancien);
    const text = toCsv([
      { header: 'code_commune', value: (code) => code }, { header: 'nom', value: (code) => ctx.table.byCode.get(code)!.nom },
      { header: 'departement', value: (code) => ctx.table.byCode.get(code)!.departement }, { header: 'population', value: (code) => ctx.table.byCode.get(code)!.population },
      { header: 'contenue_dans', value: (code) => ctx.table.byCode.get(code)!.containedIn }, { header: 'anciens_codes', value: (code) => (from.get(code) ?? []).join(' ') },
    ], current);
    return sendExport(c, text, exportFileName('perimetre', slug, 'csv'), 'csv');
  }
  const properties = { ...feature.properties, codes: current, codes_traduits: translated };
  if (format === 'geojson') {
    const text = featureCollectionText([{ properties: { ...properties, codes: current.join(' '), codes_traduits: translated.map((x) => `${x.ancien}>${x.nouveau}`).join(' ') }, geometry: feature.geometry }]);
    return sendExport(c, text, exportFileName('perimetre', slug, 'geojson'), 'geojson');
  }
  return c.json({ ...feature, properties });
});
