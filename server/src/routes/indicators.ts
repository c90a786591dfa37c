/**
 * Offer indicators of a territory: MSP, CDS, MMG and SU counted and per 10 000 inhabitants (total
 * and by sub-territory), protocol deployments by protocol and structure type, communes reached by
 * an SNP protocol. CSV tables: `table=offre` (default), `protocoles`, `communes-protocoles`.
 * GeoJSON: sub-territories (dissolved) with their counts, and the structures as points.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { COUNTED_KINDS, offerIndicators } from '../analysis/offer-indicators';
import { perimeter } from '../analysis/perimeter';
import { offerCompletenessSentence, offerListsCompleteness } from '../analysis/offer-completeness';
import { protocolCoverage } from '../analysis/protocol-coverage';
import { subKeyOf } from '../analysis/sub-territories';
import { structuresIn, type Territory } from '../analysis/territory';
import type { CommuneTable } from '../analysis/inputs';
import { jsonText } from '../lib/json-text';
import { exportFileName, sendExport } from '../lib/attachment';
import { toCsv } from '../lib/csv';
import { featureCollectionText, type TextFeature } from '../lib/geojson-text';
import { validate } from '../lib/validate';
import { analysisContext, cachedAnalysis, cachedJsonText, resolveTerritory, territoryHeader, type CareInputs, type ResolvedTerritory } from './analysis-context';
import { formatParam, territoryParam } from './analysis-params';

const NOT_KNOWN = 'non renseigné';

const query = z.object({
  territory: territoryParam,
  format: formatParam,
  table: z.enum(['offre', 'protocoles', 'communes-protocoles'], { error: 'table attendue : offre, protocoles ou communes-protocoles' }).default('offre'),
});

function computeIndicators(territory: Territory, t: ResolvedTerritory, table: CommuneTable, care: CareInputs) {
  const offre = offerIndicators(territory, table, care.structures);
  offre.total.nom = t.nom;
  const structures = structuresIn(territory, table, care.structures);
  const listes = offerListsCompleteness(t.communes.map((c) => c.departement), care.completeness);
  const protocoles = protocolCoverage(territory, table, care);
  // Demonstration data of this territory only: its structures, its deployments, the CPTS with a commune in it.
  const inside = new Set(t.communes.map((x) => x.code));
  const demoCpts = care.cpts.some((p) => p.demo && p.communes.some((m) => inside.has(m.code)));
  return {
    offre,
    /** Whether each count rests on a complete list, and since when (MSP and CDS: the national FINESS extraction). */
    completude: { listes, phrase: offerCompletenessSentence(listes) },
    protocoles,
    structures,
    donneesDemonstration: structures.some((s) => s.demo) || protocoles.donneesDemonstration || demoCpts,
  };
}

function indicatorsBody(t: ResolvedTerritory, version: string, value: ReturnType<typeof computeIndicators>) {
  const { structures: _structures, ...body } = value;
  return { territoire: territoryHeader(t), versionDonnees: version, ...body };
}

export const indicatorRoutes = new Hono<AppEnv>().get('/indicators', validate('query', query), async (c) => {
  const q = c.req.valid('query');
  const ctx = await analysisContext(c);
  const t = resolveTerritory(ctx, q.territory);
  const { value, version } = await cachedAnalysis(ctx, `indicateurs|${t.code}`, (care) => computeIndicators(q.territory, t, ctx.table, care));
  if (q.format === 'csv') {
    const name = exportFileName(q.table === 'offre' ? 'indicateurs-offre' : `indicateurs-${q.table}`, t.slug, 'csv');
    let text: string;
    if (q.table === 'protocoles') {
      const types = [...new Set(value.protocoles.parProtocole.flatMap((p) => Object.keys(p.parType)))].sort();
      text = toCsv([
        { header: 'protocole', value: (r) => r.protocole }, { header: 'titre', value: (r) => r.titre }, { header: 'soins_non_programmes', value: (r) => r.snp },
        { header: 'deploiements', value: (r) => r.deploiements }, ...types.map((k) => ({ header: `deploiements_${k}`, value: (r: (typeof value.protocoles.parProtocole)[number]) => r.parType[k] ?? 0 })),
      ], value.protocoles.parProtocole);
    } else if (q.table === 'communes-protocoles') {
      text = toCsv([
        { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'population', value: (r) => r.population },
        { header: 'via', value: (r) => r.via.map((v) => `${v.type} ${v.nom} (${v.protocoles.join(', ')})`).join(' | ') },
      ], value.protocoles.communesAtteintes.liste);
    } else {
      text = toCsv([
        { header: 'niveau', value: (r) => (r === value.offre.total ? 'total' : value.offre.niveau) }, { header: 'code', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom },
        { header: 'population', value: (r) => r.population },
        // Not known is written « non renseigné », never left empty nor 0 (offer-indicators.ts).
        ...COUNTED_KINDS.map((k) => ({ header: k, value: (r: typeof value.offre.total) => r.nombre[k] ?? NOT_KNOWN })),
        ...COUNTED_KINDS.map((k) => ({ header: `${k}_pour_10000_hab`, value: (r: typeof value.offre.total) => (r.nombre[k] === null ? NOT_KNOWN : r.pour10000[k]) })),
      ], [...value.offre.lignes, value.offre.total]);
    }
    return sendExport(c, text, name, 'csv');
  }
  if (q.format === 'geojson') {
    const { value: areas } = await cachedAnalysis(ctx, `indicateurs-couches|${t.code}`, () => {
      const groups = new Map<string, string[]>();
      for (const x of t.communes) { const k = subKeyOf(value.offre.niveau, x); (groups.get(k) ?? groups.set(k, []).get(k)!).push(x.code); }
      return new Map([...groups].map(([k, codes]) => [k, perimeter(ctx.topology(), ctx.table, codes).geometry]));
    });
    const features: TextFeature[] = value.offre.lignes.map((r) => ({
      id: `${value.offre.niveau}:${r.code}`,
      properties: { couche: value.offre.niveau, code: r.code, nom: r.nom, population: r.population, ...Object.fromEntries(COUNTED_KINDS.flatMap((k) => [[k, r.nombre[k]], [`${k}_pour_10000_hab`, r.pour10000[k]]])) },
      geometry: areas.get(r.code) ?? null,
    }));
    for (const s of value.structures) {
      features.push({ id: `structure:${s.id}`, properties: { couche: 'structure', id: s.id, nom: s.name, type: s.kind, code_commune: s.commune, soins_non_programmes: s.acceptsSnp, demonstration: s.demo }, geometry: { type: 'Point', coordinates: [s.lon, s.lat] } });
    }
    const text = featureCollectionText(features, { name: `Indicateurs d'offre — ${t.nom}`, version_donnees: version, donnees_demonstration: value.donneesDemonstration });
    return sendExport(c, text, exportFileName('indicateurs-offre', t.slug, 'geojson'), 'geojson');
  }
  const text = await cachedJsonText(ctx, `indicateurs|${t.code}`, async () => indicatorsBody(t, version, value));
  return jsonText<ReturnType<typeof indicatorsBody>>(c, text);
});
