/**
 * Structures of the embedded default, from the curated lists: the FINESS MSP, centres de santé and
 * MMG of Haute-Garonne at their FINESS positions, the other MMG and the emergency sites named by
 * the press at their commune's point, and the partial list of Réunion MSP (« Maison France santé »).
 */
import { cdsSubtypeOf } from '../../../server/src/ingest/cds-subtype';
import { frenchHoursToOpeningHours } from '../../../server/src/ingest/french-hours';
import { checkOpeningHours } from '../../../server/src/lib/opening-hours';
import { InvariantError } from '../invariant-error';
import type { CuratedLists, CuratedRow } from './curated-files';
import { latestDate, orNull, REAL, slug, type DefaultContext, type Row } from './care-rows';
import { HAND_LISTED_FINESS, suIdOf } from './default-emergency-sites';

/** The FINESS extract was generated on this day (curated/README.md). */
const FINESS_31_DATE = '2026-08-10';
const REUNION_MSP_DATE = '2026-01-29';
/** Ancenis: « urgences fermées la nuit (17h-8h30) depuis le 10 févr. 2023 » → open 08:30–17:00 (SAE absent only). */
const SU_HOURS: Record<string, string> = { 'Centre hospitalier Erdre et Loire': 'Mo-Su 08:30-17:00' };

/** Hand-listed emergency sites are the SAE sites of their FINESS number (default-emergency-sites.ts). */
export const suId = (r: CuratedRow) => (HAND_LISTED_FINESS[r.etablissement!] ? suIdOf(HAND_LISTED_FINESS[r.etablissement!]!) : `su:${r.commune_insee}:${slug(r.etablissement!)}`);

function atCommune(ctx: DefaultContext, code: string) {
  const c = ctx.communes.get(code);
  return c ? { commune: code, lon: c.label_lon, lat: c.label_lat, location_precision: 'commune' } : null;
}

function hoursOf(r: CuratedRow): string | null {
  const converted = frenchHoursToOpeningHours({ semaine: r.horaires_semaine ?? '', samedi: r.horaires_samedi ?? '', dimancheFeries: r.horaires_dimanche_feries ?? '' });
  if (!converted.ok) throw new InvariantError('horaires des MMG', [`${r.nom} : ${converted.message}`]);
  if (converted.value && !checkOpeningHours(converted.value).ok) throw new InvariantError('horaires des MMG', [`${r.nom} : ${converted.value}`]);
  return converted.value;
}

const base = { telephone: null, cds_subtype: null, finess_category: null, finess_category_label: null, finess_et: null, finess_ej: null, opening_hours: null, host_su_id: null, ...REAL };

/**
 * `emergency`: the SAE sites (default-emergency-sites.ts), which replace the hand-listed ones;
 * null when the cache has no SAE table: the hand-listed sites are then used alone.
 */
export function defaultStructures(lists: CuratedLists, ctx: DefaultContext, emergency: Row[] | null = null): Row[] {
  const rows: Row[] = [];
  for (const r of lists.finess31) {
    if (!ctx.communes.has(r.commune_insee!)) continue;
    rows.push({
      ...base, id: `finess:${r.finess_et}`, kind: r.type, cds_subtype: r.type === 'CDS' ? cdsSubtypeOf(r.raison_sociale) : null,
      finess_category: orNull(r.categorie_code), finess_category_label: orNull(r.categorie_libelle), finess_et: r.finess_et,
      name: r.raison_sociale, address: `${r.adresse}, ${r.code_postal} ${r.commune_libelle_finess}`, commune: r.commune_insee,
      lon: Number(r.lon), lat: Number(r.lat), location_precision: 'adresse', accepts_snp: r.type === 'MMG' ? 'oui' : 'inconnu',
      note: r.type === 'MMG' ? 'catégorie FINESS « Maison médicale de garde (MMG) » ; horaires absents de la source' : null,
      source: r.source, source_date: FINESS_31_DATE,
    });
  }
  const finessIds = new Set(lists.finess31.map((r) => r.finess_et));
  const urgences = new Map(lists.urgences.map((r) => [`${r.commune_insee}|${r.etablissement}`, r]));
  for (const r of lists.mmg) {
    if (r.finess_et) {
      if (!finessIds.has(r.finess_et)) throw new InvariantError('MMG du FINESS', [`${r.nom} (${r.finess_et}) absente de la liste FINESS de la Haute-Garonne`]);
      continue; // the Haute-Garonne MMG are the FINESS rows above
    }
    const place = atCommune(ctx, r.commune_insee!);
    if (!place) continue;
    const host = r.etablissement_hote && (r.adossee_urgences ?? '').startsWith('oui') ? urgences.get(`${r.commune_insee}|${r.etablissement_hote}`) : undefined;
    const hours = hoursOf(r);
    const notes = [
      r.adresse ? `localisation citée : ${r.adresse}` : null,
      (r.adossee_urgences ?? '').startsWith('probable') ? `adossée aux urgences : probable (${r.etablissement_hote || 'site cité'}), non établi` : null,
      hours ? `horaires d'après la source datée ${r.date_info}, à revérifier` : 'horaires non donnés par la source',
      r.note || null,
    ];
    rows.push({
      ...base, id: `mmg:${r.commune_insee}:${slug(r.nom!)}`, kind: 'MMG', name: r.nom, address: null, ...place, opening_hours: hours,
      accepts_snp: 'oui', host_su_id: host ? suId(host) : null, note: notes.filter(Boolean).join(' ; '), source: r.source, source_date: latestDate(r.date_info!),
    });
  }
  if (emergency) rows.push(...emergency);
  for (const r of emergency ? [] : lists.urgences) {
    const place = atCommune(ctx, r.commune_insee!);
    if (!place) continue;
    rows.push({
      ...base, id: suId(r), kind: 'SU', name: r.etablissement, address: null, ...place, opening_hours: SU_HOURS[r.etablissement!] ?? null,
      accepts_snp: 'oui', note: `${r.statut_note} (${r.date_info})`, source: r.source, source_date: latestDate(r.date_info!),
    });
  }
  for (const r of lists.mspReunion) {
    // « MSPU CARE AUSTRAL » has no commune in the source (address cut off): it cannot be placed.
    if (!r.commune_insee) continue;
    const place = atCommune(ctx, r.commune_insee);
    if (!place) continue;
    rows.push({
      ...base, id: `msp:${r.commune_insee}:${slug(r.nom!)}`, kind: 'MSP', name: r.nom, address: `${r.adresse}, ${r.code_postal} ${r.localite}`, ...place,
      accepts_snp: 'inconnu', note: `${r.label} ; liste partielle (5 des 12 MSP labellisées citées)`, source: r.source, source_date: REUNION_MSP_DATE,
    });
  }
  return rows;
}
