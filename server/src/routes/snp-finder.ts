/**
 * GET /snp/nearest?commune=31149 (or lon=&lat=) [&at=ISO instant][&limit=10][&maxKm=][&ouvert=maintenant|ce-soir]: the nearest
 * offers of soins non programmés from a commune's label point (or a point), each with its
 * distance, hours and state at the instant (now by default) in its own time zone, and the SAS
 * of the origin's département.
 *
 * Only offers within a reasonable distance are listed: `maxKm`, by default FINDER_MAX_KM (60 km of
 * estimated road, about 45 minutes), so that nobody is sent 450 km away because nothing closer is
 * listed. Where the département's SNP offer list is not declared complete, the answer says so
 * (`listeComplete: null`, `avertissement`) and points to the 15 and the SAS first.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { indexSnpOffers, nearestIndexedSnpOffers } from '../analysis/snp-offer-index';
import { cachedResult } from '../lib/analysis-cache';
import { DEFAULT_DETOUR_FACTOR, distanceMethod } from '../analysis/distance';
import { communeNear, communeOrigin, sasOfDepartement, snpListCompleteness } from '../db/snp-finder-queries';
import { listStructures } from '../db/structure-queries';
import { SNP_KINDS } from '../analysis/snp-offers';
import { OPEN_FILTERS } from '../analysis/open-filter';
import { passageOf } from '../db/commune-queries';
import { badRequest, notFound } from '../lib/api-error';
import { validate } from '../lib/validate';
import { currentMinute } from '../lib/clock';
import { communeCode } from './params';
import { instantParam, kmParam } from './analysis-params';

const query = z
  .object({
    commune: communeCode.optional(),
    lon: z.coerce.number({ error: 'longitude : nombre attendu' }).min(-180).max(180).optional(),
    lat: z.coerce.number({ error: 'latitude : nombre attendu' }).min(-90).max(90).optional(),
    at: instantParam.optional(),
    limit: z.coerce.number({ error: 'nombre d’offres : entier attendu' }).int().min(1).max(50).default(10),
    maxKm: kmParam('distance maximale', 200).optional(),
    ouvert: z.enum(OPEN_FILTERS, { error: 'ouvert : « maintenant » ou « ce-soir » attendu' }).optional(),
  })
  .refine((q) => (q.commune !== undefined) !== (q.lon !== undefined && q.lat !== undefined), {
    message: 'donnez une commune (commune=31149) ou un point (lon= et lat=), pas les deux',
  });

/** Default distance cap of the finder, in km of estimated road (≈ 45 min): the SNP offers one may reasonably go to. */
export const FINDER_MAX_KM = 60;

function finderWarning(departement: string, complete: { date: string } | null, found: number, maxKm: number): string | null {
  const first = 'En cas de besoin de soins non programmés, appelez d\'abord le 15 (ou le SAS de votre département) : il vous orientera.';
  if (!complete) return `La liste des offres de soins non programmés (${departement}) n'est pas déclarée complète : d'autres offres, plus proches, peuvent exister. ${first}`;
  if (found === 0) return `Aucune offre listée à moins de ${maxKm} km (liste complète au ${complete.date}). ${first}`;
  return null;
}

export const snpFinderRoutes = new Hono<AppEnv>().get('/snp/nearest', validate('query', query), async (c) => {
  const q = c.req.valid('query');
  const db = c.get('db');
  const demo = c.get('scope').demo;
  let origin;
  if (q.commune) {
    origin = await communeOrigin(db, q.commune);
    if (!origin) {
      const passage = await passageOf(db, q.commune);
      if (passage) origin = await communeOrigin(db, passage.code);
    }
    if (!origin) throw notFound(`Commune ${q.commune} inconnue.`);
  } else {
    const near = await communeNear(db, q.lon!, q.lat!);
    if (!near) throw badRequest('Ce point n’est dans aucune commune connue de la base.');
    origin = { ...near, lon: q.lon!, lat: q.lat! };
  }
  const at = q.at ?? currentMinute();
  // The offers of the data version, indexed once (kd-tree): a search reads a dozen offers, not all of France.
  const [{ value: index }, sas, complete] = await Promise.all([
    cachedResult(db, `snp-finder-index|${demo}`, async () => indexSnpOffers(await listStructures(db, { kinds: [...SNP_KINDS], demo }))),
    sasOfDepartement(db, origin.departement, { demo }),
    snpListCompleteness(db, origin.departement, { demo }),
  ]);
  const maxKm = q.maxKm ?? FINDER_MAX_KM;
  const nearest = nearestIndexedSnpOffers(origin, index, { at, limit: q.limit, maxRouteKm: maxKm, open: q.ouvert });
  return c.json({
    origine: origin,
    instant: at.toISOString(),
    filtre: q.ouvert ?? null,
    offres: nearest.map(({ offer: o, distanceKm, distanceRouteKm, fuseau, ouverture }) => ({
      id: o.id, type: o.kind, nom: o.name, adresse: o.address, telephone: o.telephone, commune: { code: o.commune, nom: o.communeNom }, departement: o.departement,
      lon: o.lon, lat: o.lat, precision: o.precision, distanceKm, distanceRouteKm, fuseau, ouverture,
      horaires: o.openingHours, soinsNonProgrammes: o.acceptsSnp, source: o.source, dateSource: o.sourceDate, demonstration: o.demo,
    })),
    sas: sas && {
      departement: sas.departement, nom: sas.departementNom, statut: sas.status, debut: sas.startDate, telephone: sas.telephone,
      filieres: sas.filieres, note: sas.note, source: sas.source, demonstration: sas.demo,
    },
    plafondKm: maxKm,
    listeComplete: complete,
    avertissement: finderWarning(origin.departementNom ?? origin.departement, complete, nearest.length, maxKm),
    methode: distanceMethod(DEFAULT_DETOUR_FACTOR).description,
    donneesDemonstration: nearest.some((n) => n.offer.demo) || Boolean(sas?.demo),
  });
});
