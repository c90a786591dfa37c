/**
 * GET /api/structures?kind=&departement=|region=&bbox=&instant= — the care offer's structures as GeoJSON
 * points, each with its source and date, its location precision, its opening hours and whether it
 * is open at `instant` (default: now) in its département's time zone. Demonstration rows are
 * labelled, and hidden when the demonstration setting is off. `completude` says, for the
 * départements asked, which lists are complete and at which date (MSP and centres de santé, MMG,
 * SNP offers: analysis/offer-completeness.ts): an absence means something only there.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AppEnv } from '../context';
import { STRUCTURE_KINDS } from '../db/care-schema';
import { listStructures, type StructureRow } from '../db/structure-queries';
import { loadCompleteness } from '../db/analysis-queries';
import { offerCompletenessSentence, offerListsCompleteness, type OfferListCompleteness } from '../analysis/offer-completeness';
import { departementExists, listDepartements, regionExists } from '../db/territory-queries';
import { timeZoneOf } from '../geo/france-extent';
import { notFound } from '../lib/api-error';
import { offerOpeningAt, type OpeningBasis } from '../analysis/offer-opening';
import { validate } from '../lib/validate';
import { currentMinute } from '../lib/clock';
import { bbox, departementCode, regionCode } from './params';

const kinds = z.string().transform((s, ctx) => {
  const list = s.split(',').map((k) => k.trim().toUpperCase()).filter(Boolean);
  const bad = list.filter((k) => !(STRUCTURE_KINDS as readonly string[]).includes(k));
  if (bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `type(s) inconnu(s) : ${bad.join(', ')} (types : ${STRUCTURE_KINDS.join(', ')})` });
    return z.NEVER;
  }
  return list;
});

const query = z.object({
  kind: kinds.optional(),
  departement: departementCode.optional(),
  region: regionCode.optional(),
  bbox: bbox.optional(),
  instant: z.iso.datetime({ offset: true, message: 'instant ISO 8601 attendu (ex. 2026-11-23T21:30:00+01:00)' }).optional(),
});

export interface StructureProperties {
  id: string;
  categorie: string;
  sousTypeCds: string | null;
  nom: string;
  finess: { et: string | null; ej: string | null; categorie: { code: string | null; libelle: string | null } | null };
  adresse: string | null;
  /** Telephone from FINESS (10 digits), null when the source gives none. */
  telephone: string | null;
  commune: { code: string; nom: string };
  departement: string;
  precision: string;
  horaires: string | null;
  /** The one opening rule (analysis/offer-opening.ts); `horaires` says what the state rests on. */
  ouverture: { etat: 'ouvert' | 'fermé' | 'inconnu'; prochainChangement: string | null; prochainChangementLocal: string | null; fuseau: string; commentaire: string | null; horaires: OpeningBasis };
  accepteSnp: string;
  urgencesHote: { id: string; nom: string | null } | null;
  /** SU: emergency visits in a year (SAE), with the year; null when unknown. */
  passagesParAn: number | null;
  anneePassages: number | null;
  note: string | null;
  source: string;
  dateSource: string | null;
  demonstration: boolean;
  importId: string | null;
}

function feature(s: StructureRow, at: Date): Feature<Point, StructureProperties> {
  const fuseau = timeZoneOf(s.departement);
  const state = offerOpeningAt(s, at, fuseau);
  return {
    type: 'Feature',
    id: s.id,
    geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    properties: {
      id: s.id, categorie: s.kind, sousTypeCds: s.cdsSubtype, nom: s.name,
      finess: { et: s.finessEt, ej: s.finessEj, categorie: s.finessCategory || s.finessCategoryLabel ? { code: s.finessCategory, libelle: s.finessCategoryLabel } : null },
      adresse: s.address, telephone: s.telephone, commune: { code: s.commune, nom: s.communeNom }, departement: s.departement, precision: s.precision,
      horaires: s.openingHours,
      ouverture: { etat: state.state, prochainChangement: state.nextChange, prochainChangementLocal: state.nextChangeLocal, fuseau, commentaire: state.comment, horaires: state.basis },
      accepteSnp: s.acceptsSnp, urgencesHote: s.hostSuId ? { id: s.hostSuId, nom: s.hostSuName } : null,
      passagesParAn: s.visitsPerYear, anneePassages: s.visitsYear, note: s.note,
      source: s.source, dateSource: s.sourceDate, demonstration: s.demo, importId: s.importId,
    },
  };
}

export const structureRoutes = new Hono<AppEnv>().get('/structures', validate('query', query), async (c) => {
  const q = c.req.valid('query');
  const db = c.get('db');
  if (q.departement && !(await departementExists(db, q.departement))) throw notFound(`Département ${q.departement} inconnu.`);
  if (q.region && !(await regionExists(db, q.region))) throw notFound(`Région ${q.region} inconnue.`);
  const at = q.instant ? new Date(q.instant) : currentMinute();
  const demo = c.get('scope').demo;
  const [rows, departements, declarations] = await Promise.all([
    listStructures(db, { kinds: q.kind, departement: q.departement, region: q.region, bbox: q.bbox, demo }),
    q.departement ? [q.departement] : listDepartements(db, q.region).then((ds) => ds.map((d) => d.code)),
    loadCompleteness(db, { demo }),
  ]);
  const listes = offerListsCompleteness(departements, declarations);
  const collection: FeatureCollection<Point, StructureProperties> & {
    total: number; instant: string; donneesDemonstration: boolean; completude: { listes: OfferListCompleteness[]; phrase: string };
  } = {
    type: 'FeatureCollection',
    features: rows.map((r) => feature(r, at)),
    total: rows.length,
    instant: at.toISOString(),
    donneesDemonstration: rows.some((r) => r.demo),
    completude: { listes, phrase: offerCompletenessSentence(listes) },
  };
  return c.json(collection);
});
