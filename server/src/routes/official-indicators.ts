/**
 * Official reference indicators (baromètre des résultats de l'action publique), never mixed with
 * the figures computed from imported lists:
 * - `GET /indicateurs-officiels?territory=&date=`: each indicator of the territory (France, région,
 *   département) with its series, latest value at the date (default today), target and whether met;
 * - `GET /indicateurs-officiels/departements?indicator=IND-589&date=`: the latest value at the date
 *   of every département (the choropleth), with the dates the series offers.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { latestByTerritory, officialIndicator } from '../analysis/official-series';
import { formatTerritory, territoryName } from '../analysis/territory';
import { officialDefs, officialDepartementValues, officialValues } from '../db/official-queries';
import { notFound } from '../lib/api-error';
import { validate } from '../lib/validate';
import { analysisContext } from './analysis-context';
import { dayParam, territoryParam } from './analysis-params';

const byTerritory = z.object({ territory: territoryParam, date: dayParam.optional() });
const byDepartement = z.object({
  date: dayParam.optional(),
  indicator: z.string().regex(/^IND-\d+$/, { message: 'indicateur attendu sous la forme IND-589' }).default('IND-589'),
});

const NATURE = 'officiel' as const;

export const officialIndicatorRoutes = new Hono<AppEnv>()
  .get('/indicateurs-officiels', validate('query', byTerritory), async (c) => {
    const { territory } = c.req.valid('query');
    const ctx = await analysisContext(c);
    const nom = territoryName(territory, ctx.table);
    if (nom === null) throw notFound(`Territoire ${formatTerritory(territory)} inconnu de la base.`);
    const date = c.get('scope').date;
    const code = formatTerritory(territory);
    const db = c.get('db');
    const defs = await officialDefs(db);
    const rows = territory.kind === 'epci' ? [] : await officialValues(db, [code]);
    return c.json({
      territoire: { code, nom },
      date,
      nature: NATURE,
      message: territory.kind === 'epci' ? 'Le baromètre de l\'action publique ne publie pas d\'indicateur par EPCI : voyez le département.' : null,
      indicateurs: territory.kind === 'epci' ? [] : defs.map((d) => officialIndicator(d, rows, code, date)).filter((i) => i.serie.length > 0),
    });
  })
  .get('/indicateurs-officiels/departements', validate('query', byDepartement), async (c) => {
    const { indicator } = c.req.valid('query');
    const db = c.get('db');
    const def = (await officialDefs(db)).find((d) => d.id === indicator);
    if (!def) throw notFound(`Indicateur officiel ${indicator} inconnu de la base.`);
    const date = c.get('scope').date;
    const rows = await officialDepartementValues(db, indicator);
    const latest = latestByTerritory(rows, date);
    return c.json({
      indicateur: { id: def.id, libelle: def.label, unite: def.unit, source: def.source, fichier: def.sourceFile },
      date,
      nature: NATURE,
      dates: [...new Set(rows.filter((r) => r.value !== null).map((r) => r.date))].sort(),
      departements: [...latest].map(([territory, v]) => ({ code: territory.slice('departement:'.length), date: v.date, valeur: v.valeur })),
    });
  });
