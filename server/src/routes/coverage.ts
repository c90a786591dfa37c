/**
 * Coverage of a territory by CPTS (with status filter) and by SAS (at a date): figures as JSON,
 * tables as CSV, layers as GeoJSON. Results are cached by parameters and data version.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import type { CptsReport } from '../analysis/cpts-report';
import type { CptsMapLayers } from '../analysis/cpts-map-layers';
import { officialComparison, type OfficialComparison } from '../analysis/official-comparison';
import { officialIndicator, type OfficialIndicator } from '../analysis/official-series';
import { officialDefs, officialValues } from '../db/official-queries';
import type { SasCoverage } from '../analysis/sas-coverage';
import { exportFileName, sendExport } from '../lib/attachment';
import { jsonText } from '../lib/json-text';
import { validate } from '../lib/validate';
import { analysisContext, type AnalysisContext, cachedJsonText, cachedTask, resolveTerritory, territoryHeader, type ResolvedTerritory } from './analysis-context';
import { dayParam, formatParam, territoryParam } from './analysis-params';
import type { Territory } from '../analysis/territory';
import { cptsCsv, cptsGeojson, sasCsv, sasGeojson } from './coverage-exports';

const cptsQuery = z.object({
  territory: territoryParam,
  status: z.enum(['all', 'projet', 'aci'], { error: 'statut attendu : all (toutes), projet (projet de santé et au-delà) ou aci (ACI signé)' }).default('all'),
  format: formatParam,
  table: z.enum(['communes', 'cpts', 'chevauchements', 'partagees', 'zones-blanches'], { error: 'table attendue : communes, cpts, chevauchements, partagees ou zones-blanches' }).default('communes'),
  /** The day the coverage is true at (CPTS count from their status date); read through the request scope. */
  date: dayParam.optional(),
});

const sasQuery = z.object({ territory: territoryParam, date: dayParam.optional(), format: formatParam });

export const coverageRoutes = new Hono<AppEnv>()
  .get('/coverage/cpts', validate('query', cptsQuery), async (c) => {
    const q = c.req.valid('query');
    const ctx = await analysisContext(c);
    const t = resolveTerritory(ctx, q.territory);
    const date = c.get('scope').date;
    const { key, value: report, version } = await cptsCoverage(ctx, t, q.status, date);
    if (q.format === 'csv') {
      const name = exportFileName(q.table === 'communes' ? 'couverture-cpts' : `couverture-cpts-${q.table}`, t.slug, 'csv');
      return sendExport(c, cptsCsv(report, q.table), name, 'csv');
    }
    if (q.format === 'geojson') {
      const { value: layers } = await cachedTask(ctx, `${key}|couches`, { op: 'cpts-couches', territory: q.territory, status: q.status, date });
      const text = cptsGeojson(layers, report, {
        name: `Couverture CPTS au ${date} — ${t.nom}`, statut: q.status, date, version_donnees: version, donnees_demonstration: report.donneesDemonstration,
        completude: report.completude?.phrase ?? null,
      });
      return sendExport(c, text, exportFileName('couverture-cpts', t.slug, 'geojson'), 'geojson');
    }
    const text = await cachedJsonText(ctx, key, async () => {
      const official = await officialOf(ctx, t, 'IND-589', date);
      const base = `d'après ${report.cpts.length} CPTS importée${report.cpts.length > 1 ? 's' : ''}${report.completude ? ` (${report.completude.departementsComplets.length} département(s) à liste complète)` : ''}`;
      return { ...cptsBody(t, q.status, date, version, report), comparaisonOfficielle: officialComparison(official, report.population.part, base, 'IND-589') };
    });
    return jsonText<ReturnType<typeof cptsBody> & { comparaisonOfficielle: OfficialComparison }>(c, text);
  })
  // What the map draws, compactly (analysis/cpts-map-layers.ts): whole « non renseigné » départements by code, the rest as polygons.
  .get('/coverage/cpts/carte', validate('query', cptsQuery.pick({ territory: true, status: true, date: true })), async (c) => {
    const q = c.req.valid('query');
    const ctx = await analysisContext(c);
    const t = resolveTerritory(ctx, q.territory);
    const date = c.get('scope').date;
    const { key, value: report, version } = await cptsCoverage(ctx, t, q.status, date);
    const text = await cachedJsonText(ctx, `${key}|carte`, async () => {
      const { value: map } = await cachedTask(ctx, `${key}|carte`, { op: 'cpts-carte', territory: q.territory, status: q.status, date });
      return cptsMapBody(t, q.status, date, version, report, map);
    });
    return jsonText<ReturnType<typeof cptsMapBody>>(c, text);
  })
  // The CPTS coverage of each sub-territory (régions of France, départements of a région) in one answer, for the bar chart.
  .get('/coverage/cpts/sous-territoires', validate('query', cptsQuery.pick({ territory: true, status: true, date: true })), async (c) => {
    const q = c.req.valid('query');
    const ctx = await analysisContext(c);
    const t = resolveTerritory(ctx, q.territory);
    const date = c.get('scope').date;
    const subs = subTerritories(ctx, q.territory);
    const rows = [];
    let version = '';
    for (const sub of subs) {
      const s = resolveTerritory(ctx, sub);
      const result = await cptsCoverage(ctx, s, q.status, date);
      version = result.version;
      rows.push({ territoire: s.code, code: 'code' in sub ? sub.code : s.code, nom: s.nom, part: result.value.population.part, population: result.value.population.totale });
    }
    return c.json({ territoire: territoryHeader(t), parametres: { status: q.status, date }, versionDonnees: version, sousTerritoires: rows });
  })
  .get('/coverage/sas', validate('query', sasQuery), async (c) => {
    const q = c.req.valid('query');
    const ctx = await analysisContext(c);
    const t = resolveTerritory(ctx, q.territory);
    const date = c.get('scope').date;
    const key = `sas|${t.code}|${date}`;
    const { value: result, version } = await cachedTask(ctx, key, { op: 'sas', territory: q.territory, date });
    if (q.format === 'csv') return sendExport(c, sasCsv(result), exportFileName('couverture-sas', t.slug, 'csv'), 'csv');
    if (q.format === 'geojson') {
      const { value: geometries } = await cachedTask(ctx, `sas-couches|${t.code}`, { op: 'sas-couches', territory: q.territory });
      const text = sasGeojson(result, geometries, { name: `Couverture SAS au ${date} — ${t.nom}`, version_donnees: version, donnees_demonstration: result.donneesDemonstration });
      return sendExport(c, text, exportFileName('couverture-sas', t.slug, 'geojson'), 'geojson');
    }
    const text = await cachedJsonText(ctx, key, async () => {
      const official = await officialOf(ctx, t, 'IND-587', date);
      const base = `d'après les SAS de la base (${result.completude.phrase})`;
      return { ...sasBody(t, date, version, result), comparaisonOfficielle: officialComparison(official, result.population.part, base, 'IND-587', 'aucun SAS connu dans ce territoire') };
    });
    return jsonText<ReturnType<typeof sasBody> & { comparaisonOfficielle: OfficialComparison }>(c, text);
  });

/** The CPTS coverage of a territory at a date (cached): the one analysis behind the figures, the map's layers and the bar chart. */
async function cptsCoverage(ctx: AnalysisContext, t: ResolvedTerritory, status: z.infer<typeof cptsQuery>['status'], date: string) {
  const key = `cpts|${t.code}|${status}|${date}`;
  const { value, version } = await cachedTask(ctx, key, { op: 'cpts', territory: t.territory, status, date });
  return { key, value, version };
}

/** The next level down: the régions of France, the départements of a région; none below. */
function subTerritories(ctx: AnalysisContext, territory: Territory): Territory[] {
  const codes = (key: 'region' | 'departement', keep: (x: { region: string }) => boolean) =>
    [...new Set(ctx.table.list.filter(keep).map((x) => x[key]))].sort((a, b) => a.localeCompare(b));
  if (territory.kind === 'france') return codes('region', () => true).map((code) => ({ kind: 'region', code }));
  if (territory.kind === 'region') return codes('departement', (x) => x.region === territory.code).map((code) => ({ kind: 'departement', code }));
  return [];
}

/** The official indicator of the territory at the date (none for an EPCI: the baromètre stops at the département). */
async function officialOf(ctx: AnalysisContext, t: ResolvedTerritory, indicator: string, date: string): Promise<OfficialIndicator | null> {
  if (t.territory.kind === 'epci') return null;
  const def = (await officialDefs(ctx.db)).find((d) => d.id === indicator);
  return def ? officialIndicator(def, await officialValues(ctx.db, [t.code], indicator), t.code, date) : null;
}

/** `parametres.date`: the day the CPTS perimeters are taken at (« au <date> », request scope). */
function cptsBody(t: ResolvedTerritory, status: string, date: string, version: string, report: CptsReport) {
  // The spread leaves out the per-commune table (not enumerable: it is the CSV export's).
  const figures: Omit<CptsReport, 'parCommune'> = { ...report };
  return { territoire: territoryHeader(t), parametres: { status, date }, versionDonnees: version, ...figures };
}

function cptsMapBody(t: ResolvedTerritory, status: string, date: string, version: string, report: CptsReport, map: CptsMapLayers) {
  const byId = new Map(report.cpts.map((e) => [e.id, e]));
  const features = map.layers.map((l) => {
    const e = byId.get(l.id);
    const p = l.feature.properties;
    return {
      type: 'Feature' as const,
      // A CPTS's population is its own figure (a shared commune for its share), not the sum of the polygons drawn.
      properties: {
        couche: l.layer, id: l.id, nom: l.nom, communes: p.communes, population: e && l.layer === 'cpts' ? e.populationTotal : p.population,
        ...(e && l.layer === 'cpts' ? { statut: e.statut, demonstration: e.demo } : {}),
      },
      geometry: l.feature.geometry,
    };
  });
  return {
    territoire: territoryHeader(t), parametres: { status, date }, versionDonnees: version, donneesDemonstration: report.donneesDemonstration,
    departementsNonRenseignes: map.departementsNonRenseignes,
    couches: { type: 'FeatureCollection' as const, features },
  };
}

function sasBody(t: ResolvedTerritory, date: string, version: string, result: SasCoverage) {
  return { territoire: territoryHeader(t), parametres: { date }, versionDonnees: version, methode: SAS_METHOD, ...result };
}

const SAS_METHOD =
  "Un SAS couvre tout son département. Population couverte à la date : départements dont le SAS est opérationnel ou pilote et a démarré au plus tard ce jour. " +
  "Un département sans aucune donnée de SAS est « non renseigné » : il n'est compté ni couvert ni non couvert, et la part couverte est calculée sur les seuls départements renseignés. " +
  "Une date de démarrage connue seulement au mois ou à l'année qui contient ce jour est « incertaine » (non comptée) ; un SAS en service sans date connue est compté et signalé. " +
  "La filière de médecine générale est celle de tout SAS ; les autres filières comptent à partir de leur propre date.";
