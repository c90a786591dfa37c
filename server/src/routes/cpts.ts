/**
 * GET /api/cpts?departement=&region=&statut= — CPTS with their status, declared population and
 * the population computed from the COG populations of their communes, commune counts, source.
 * GET /api/cpts/:id — one CPTS, its communes (population, coverage) and its perimeter, dissolved
 * exactly from the commune topology; CPTS sharing communes with it are listed as overlaps.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { MultiPolygon } from 'geojson';
import type { AppEnv } from '../context';
import { cptsCommunes, cptsSummary, listCpts, overlappingCpts, type CptsCommuneRow, type CptsSummaryRow } from '../db/cpts-queries';
import { departementExists, regionExists } from '../db/territory-queries';
import { dissolveCommunes } from '../geo/dissolve';
import { cptsStatus } from '../ingest/care-vocabulary';
import { notFound } from '../lib/api-error';
import { validate } from '../lib/validate';
import { departementCode, regionCode } from './params';

const status = z.string().transform((s, ctx) => {
  const parsed = cptsStatus(s);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

const listQuery = z.object({ departement: departementCode.optional(), region: regionCode.optional(), statut: status.optional() });

export function cptsItem(p: CptsSummaryRow) {
  return {
    id: p.id,
    nom: p.name,
    statut: p.status,
    dateStatut: p.statusDate,
    population: {
      declaree: p.declaredPopulation,
      calculee: p.communes > 0 ? p.computedPopulation : null,
      dontCommunesPartielles: p.partialPopulation,
      /** The shares of the communes it shares with other CPTS (each counts 1/N of such a commune). */
      dontCommunesPartagees: p.sharedPopulation,
      ecart: p.declaredPopulation !== null && p.communes > 0 ? p.computedPopulation - p.declaredPopulation : null,
    },
    communes: { total: p.communes, entieres: p.wholeCommunes, partielles: p.partialCommunes, partagees: p.sharedCommunes },
    territoireRenseigne: p.communes > 0,
    /** « non renseigné »: no commune listed (a CPTS known from FINESS alone, or a source naming no commune): drawn as a point at its seat, counted in no coverage. */
    perimetre: p.communes > 0 ? ('renseigné' as const) : ('non renseigné' as const),
    territoire: p.territoryNote,
    departement: p.departement,
    departements: p.departements,
    siege: p.headquartersCommune ? {
      commune: p.headquartersCommune, nom: p.headquartersNom, adresse: p.headquartersAddress,
      position: p.headquartersLon !== null && p.headquartersLat !== null ? { lon: p.headquartersLon, lat: p.headquartersLat, precision: p.headquartersPrecision! } : null,
    } : null,
    finess: p.finessEt,
    note: p.note,
    source: p.source,
    dateSource: p.sourceDate,
    demonstration: p.demo,
    importId: p.importId,
  };
}

/** The cities some of whose arrondissements the CPTS lists: drawn whole, for want of an arrondissement contour. */
const cityNames = (communes: CptsCommuneRow[]) => [...new Set(communes.flatMap((m) => (m.cityNom ? [m.cityNom] : [])))];

function perimeterNote(drawn: boolean, partial: number, cities: string[], fromFiness: boolean): string | null {
  if (!drawn && fromFiness) {
    return 'Périmètre non renseigné : CPTS connue par le FINESS (catégorie 604), qui ne donne pas ses communes ; elle n\'est comptée dans aucune couverture tant qu\'elles ne sont pas importées.';
  }
  if (!drawn) return 'Territoire non renseigné : les sources ne listent pas les communes de cette CPTS.';
  const notes = [
    partial > 0 ? 'Périmètre des communes entières et partiellement couvertes (contours communaux entiers).' : '',
    cities.length > 0 ? `${cities.join(', ')} : la CPTS n'en liste que des arrondissements, comptés pour leur population ; la géographie n'ayant pas leur contour, la carte dessine la commune entière.` : '',
  ].filter(Boolean);
  return notes.length > 0 ? notes.join(' ') : null;
}

export const cptsRoutes = new Hono<AppEnv>()
  .get('/cpts', validate('query', listQuery), async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    if (q.departement && !(await departementExists(db, q.departement))) throw notFound(`Département ${q.departement} inconnu.`);
    if (q.region && !(await regionExists(db, q.region))) throw notFound(`Région ${q.region} inconnue.`);
    const rows = await listCpts(db, { departement: q.departement, region: q.region, status: q.statut, demo: c.get('scope').demo, date: c.get('scope').date });
    return c.json({
      cpts: rows.map(cptsItem),
      total: rows.length,
      donneesDemonstration: rows.some((r) => r.demo),
      methode: 'Population calculée : somme des populations municipales (COG) des communes de la CPTS (arrondissements municipaux de Paris, Lyon et Marseille pour leur population), '
        + 'communes partiellement couvertes comprises (comptées à part) ; une commune listée par N CPTS compte pour 1/N de sa population dans chacune (« partagée entre N CPTS ») : '
        + 'les populations des CPTS ne dépassent jamais celle qu\'elles couvrent.',
    });
  })
  .get('/cpts/:id', validate('param', z.object({ id: z.string().trim().min(1).max(100) })), async (c) => {
    const { id } = c.req.valid('param');
    const db = c.get('db');
    const { demo, date } = c.get('scope');
    const summary = await cptsSummary(db, id, demo, date);
    if (!summary) throw notFound(`CPTS « ${id} » inconnue.`);
    const communes = await cptsCommunes(db, id, demo, date);
    const { topology, index } = c.get('topology').get();
    const perimeter: MultiPolygon | null = communes.length > 0 ? dissolveCommunes(topology, index, communes.map((m) => m.containedIn ?? m.code)) : null;
    const others = await overlappingCpts(db, id, demo, date);
    return c.json({
      cpts: cptsItem(summary),
      communes: communes.map((m) => ({
        code: m.code, nom: m.nom, departement: m.departement, population: m.population, couverture: m.coverage, note: m.note,
        arrondissementDe: m.arrondissementOf, partageeEntre: m.sharedBy, populationComptee: m.share,
      })),
      perimetre: perimeter,
      perimetreNote: perimeterNote(perimeter !== null, summary.partialCommunes, cityNames(communes), Boolean(summary.finessEt)),
      chevauchements: others.filter((o) => o.communes.length > 0).map((o) => ({ id: o.id, nom: o.name, communes: o.communes, demonstration: o.demo })),
      /** CPTS it divides communes with (each « partielle »): no overlap, the population shared. */
      partages: others.filter((o) => o.partagees.length > 0).map((o) => ({ id: o.id, nom: o.name, communes: o.partagees, demonstration: o.demo })),
      donneesDemonstration: summary.demo || others.some((o) => o.demo),
    });
  });
