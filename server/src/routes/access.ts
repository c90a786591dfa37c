/**
 * Access to soins non programmés: distance to the nearest SNP offer (optionally open at an
 * instant) and the 2SFCA accessibility index. JSON figures, CSV tables, GeoJSON layers (commune
 * polygons with their values, offers as points). Cached by parameters and data version.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import type { AccessibilityReport } from '../analysis/accessibility-report';
import type { CompletenessSummary } from '../analysis/completeness';
import { structuresIn, type Territory } from '../analysis/territory';
import type { SnpParams, SnpReport } from '../analysis/snp-report';
import { communeGeometryTexts } from '../db/analysis-queries';
import { exportFileName, sendExport } from '../lib/attachment';
import { jsonText } from '../lib/json-text';
import { joinJsonObjects } from '../lib/join-json';
import { compactNumbers, indexedStates, type CompactNumbers } from '../lib/compact-states';
import { communeIndex } from '../analysis/commune-index';
import { referenceData } from '../lib/analysis-cache';
import { tileSetVersion } from '../db/tile-queries';
import { validate } from '../lib/validate';
import { analysisContext, cachedJsonText, cachedTask, cachedText, resolveTerritory, territoryHeader, type ResolvedTerritory } from './analysis-context';
import { bandsParam, formatParam, instantParam, kmParam, territoryParam } from './analysis-params';
import { accessibilityCsv, communeLayerText, snpCsv } from './access-exports';

const snpQuery = z.object({
  territory: territoryParam,
  at: instantParam.optional(),
  thresholdKm: kmParam('seuil', 200).default(30),
  suMmgKm: kmParam('distance SU–MMG', 200).default(10),
  unknownHours: z.enum(['exclude', 'include'], { error: 'horaires inconnus : exclude (écarter, par défaut) ou include (compter ouvertes)' }).default('exclude'),
  format: formatParam,
  table: z.enum(['communes', 'su-sans-mmg', 'au-dela-du-seuil'], { error: 'table attendue : communes, su-sans-mmg ou au-dela-du-seuil' }).default('communes'),
});

const fcaQuery = z.object({
  territory: territoryParam,
  bands: bandsParam.optional(),
  detourFactor: z.coerce.number({ error: 'coefficient de détour : nombre attendu' }).refine((v) => v >= 1 && v <= 3, { message: 'coefficient de détour entre 1 et 3' }).optional(),
  capacity: z.enum(['offre', 'passages'], { error: 'capacité attendue : offre (1 par offre) ou passages (sites d\'urgences pesés par leurs passages annuels)' }).default('offre'),
  format: formatParam,
  table: z.enum(['communes', 'sous-territoires'], { error: 'table attendue : communes ou sous-territoires' }).default('communes'),
});

type SnpBodyParams = SnpParams;

const snpKey = (t: ResolvedTerritory, at: Date | null, q: SnpBodyParams) => `snp|${t.code}|${at?.toISOString() ?? ''}|${q.thresholdKm}|${q.suMmgKm}|${q.unknownHours}`;

function snpBody(t: ResolvedTerritory, q: SnpBodyParams, version: string, body: SnpReport['body']) {
  return { territoire: territoryHeader(t), parametres: { at: body.instant, thresholdKm: q.thresholdKm, suMmgKm: q.suMmgKm, unknownHours: q.unknownHours }, versionDonnees: version, ...body };
}

/** Each commune's band at its position in the tile set's commune index (GET /api/tiles/communes): no code repeated. */
function snpStatesBody(t: ResolvedTerritory, q: SnpBodyParams, version: string, body: SnpReport['body'], index: { codes: string[]; version: string }) {
  const { parCommune, ...rest } = snpBody(t, q, version, body);
  return {
    ...rest,
    bandesParCommune: indexedStates(index.codes, index.version, parCommune.map((r) => ({ code: r.code, value: r.bande })), body.bandes.map((b) => b.bande)),
  };
}

function fcaBody(t: ResolvedTerritory, version: string, report: AccessibilityReport, demo: boolean, completude: CompletenessSummary, capacity: string) {
  return {
    territoire: territoryHeader(t), parametres: { bands: report.methode.bandes, detourFactor: report.methode.coefficientDetour, capacity },
    versionDonnees: version, donneesDemonstration: demo, completude, ...report,
  };
}

type FcaParams = Omit<z.infer<typeof fcaQuery>, 'format' | 'table'>;

/** What a 2SFCA request computes: its context, territory, cache key and task. */
async function fcaSetup(c: Context<AppEnv>, q: FcaParams) {
  const ctx = await analysisContext(c);
  const t = resolveTerritory(ctx, q.territory);
  const key = `2sfca|${t.code}|${JSON.stringify(q.bands ?? null)}|${q.detourFactor ?? ''}|${q.capacity}`;
  return { ctx, t, key, task: { territory: q.territory, bands: q.bands, detourFactor: q.detourFactor, capacity: q.capacity } };
}

/** The 2SFCA index of a territory at the current data version (cached), shared by the exports and the compact /etats. */
async function fcaAnalysis(c: Context<AppEnv>, q: FcaParams) {
  const { ctx, t, key, task } = await fcaSetup(c, q);
  const { value, version } = await cachedTask(ctx, key, { op: '2sfca', ...task });
  return { ctx, t, key, value, version };
}

async function snpSetup(c: Context<AppEnv>, q: SnpBodyParams & { territory: Territory; at?: Date }) {
  const ctx = await analysisContext(c);
  const t = resolveTerritory(ctx, q.territory);
  const at = q.at ?? null;
  const params = { thresholdKm: q.thresholdKm, suMmgKm: q.suMmgKm, unknownHours: q.unknownHours };
  return { ctx, t, key: snpKey(t, at, q), at, task: { territory: q.territory, at: at?.toISOString() ?? null, params } };
}

/** The SNP access of a territory at the current data version (cached), shared by the exports and the compact /etats. */
async function snpAnalysis(c: Context<AppEnv>, q: SnpBodyParams & { territory: Territory; at?: Date }) {
  const { ctx, t, key, task } = await snpSetup(c, q);
  const { value, version } = await cachedTask(ctx, key, { op: 'snp', ...task });
  return { ctx, t, key, value, version };
}

export const accessRoutes = new Hono<AppEnv>()
  .get('/access/snp', validate('query', snpQuery), async (c) => {
    const q = c.req.valid('query');
    if (q.format === 'json') {
      // The body is serialised on the analysis worker that computed it; only its head here.
      const { ctx, t, key, at, task } = await snpSetup(c, q);
      const text = await cachedText(ctx, key, async () => {
        const { value: corps, version } = await cachedTask(ctx, `${key}|corps`, { op: 'snp-json', ...task });
        const head = { territoire: territoryHeader(t), parametres: { at: at?.toISOString() ?? null, thresholdKm: q.thresholdKm, suMmgKm: q.suMmgKm, unknownHours: q.unknownHours }, versionDonnees: version };
        return joinJsonObjects(JSON.stringify(head), corps);
      });
      return jsonText<ReturnType<typeof snpBody>>(c, text);
    }
    const { ctx, t, value, version } = await snpAnalysis(c, q);
    if (q.format === 'csv') {
      const name = exportFileName(q.table === 'communes' ? 'acces-snp' : `acces-snp-${q.table}`, t.slug, 'csv');
      return sendExport(c, snpCsv(value.body, q.table), name, 'csv');
    }
    if (q.format === 'geojson') {
      const geometries = await communeGeometryTexts(ctx.db, t.communes.map((x) => x.code));
      const rows = value.body.parCommune.map((r) => ({
        code: r.code,
        properties: { code: r.code, nom: r.nom, population: r.population, distance_route_estimee_km: r.distanceRouteKm, distance_vol_oiseau_km: r.distanceVolOiseauKm, bande: r.bande, distance_maximale: r.distanceMaximale, offre: r.offre?.nom ?? null, offre_type: r.offre?.type ?? null },
      }));
      const offers = structuresIn(q.territory, ctx.table, value.selection.offers);
      const text = communeLayerText(rows, geometries, offers, { name: `Accès aux soins non programmés — ${t.nom}`, instant: value.body.instant, methode: value.body.methode.description, version_donnees: version });
      return sendExport(c, text, exportFileName('acces-snp', t.slug, 'geojson'), 'geojson');
    }
    throw new Error(`format ${q.format satisfies never} non traité`);
  })
  // For the map and the indicators: each commune's band, compactly (lib/compact-states.ts), the
  // figures and the lists — no per-commune objects (/access/snp and its exports keep them).
  .get('/access/snp/etats', validate('query', snpQuery.omit({ format: true, table: true })), async (c) => {
    const q = c.req.valid('query');
    const { ctx, t, key, value, version } = await snpAnalysis(c, q);
    const text = await cachedJsonText(ctx, `${key}|etats`, async () => {
      const index = { codes: communeIndex(ctx.table), version: await referenceData(ctx.db, 'tile-version', () => tileSetVersion(ctx.db)) };
      return snpStatesBody(t, q, version, value.body, index);
    });
    return jsonText<ReturnType<typeof snpStatesBody>>(c, text);
  })
  .get('/access/2sfca', validate('query', fcaQuery), async (c) => {
    const q = c.req.valid('query');
    if (q.format === 'json') {
      // As /access/snp: the body serialised on the analysis worker, its head here.
      const { ctx, t, key, task } = await fcaSetup(c, q);
      const text = await cachedText(ctx, key, async () => {
        const { value: made, version } = await cachedTask(ctx, `${key}|corps`, { op: '2sfca-json', ...task });
        const head = { territoire: territoryHeader(t), parametres: { bands: made.bands, detourFactor: made.detourFactor, capacity: q.capacity }, versionDonnees: version };
        return joinJsonObjects(JSON.stringify(head), made.corps);
      });
      return jsonText<ReturnType<typeof fcaBody>>(c, text);
    }
    const { ctx, t, value, version } = await fcaAnalysis(c, q);
    if (q.format === 'csv') {
      const name = exportFileName(q.table === 'communes' ? 'accessibilite-2sfca' : 'accessibilite-2sfca-sous-territoires', t.slug, 'csv');
      return sendExport(c, accessibilityCsv(value.report, q.table), name, 'csv');
    }
    if (q.format === 'geojson') {
      const geometries = await communeGeometryTexts(ctx.db, t.communes.map((x) => x.code));
      const rows = value.report.parCommune.map((r) => ({ code: r.code, properties: { code: r.code, nom: r.nom, population: r.population, indice_pour_100000: r.indice, etat: r.etat } }));
      const offers = structuresIn(q.territory, ctx.table, value.offers);
      const text = communeLayerText(rows, geometries, offers, { name: `Accessibilité 2SFCA aux soins non programmés — ${t.nom}`, unite: value.report.methode.unite, version_donnees: version });
      return sendExport(c, text, exportFileName('accessibilite-2sfca', t.slug, 'geojson'), 'geojson');
    }
    throw new Error(`format ${q.format satisfies never} non traité`);
  })
  // The same figures with each commune's index compact, for the map (lists and exports keep /access/2sfca).
  .get('/access/2sfca/etats', validate('query', fcaQuery.omit({ format: true, table: true })), async (c) => {
    const q = c.req.valid('query');
    const { ctx, t, key, value, version } = await fcaAnalysis(c, q);
    const text = await cachedJsonText(ctx, `${key}|etats`, async () => {
      const { parCommune, ...rest } = fcaBody(t, version, value.report, value.demo, value.completude, q.capacity);
      return { ...rest, indicesParCommune: compactNumbers(parCommune.map((r) => ({ code: r.code, value: r.etat === 'non_renseigne' ? null : r.indice }))) };
    });
    return jsonText<Omit<ReturnType<typeof fcaBody>, 'parCommune'> & { indicesParCommune: CompactNumbers }>(c, text);
  });
