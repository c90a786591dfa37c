/**
 * Emergency sites of the embedded default: every site of the DREES SAE 2021 (URGENCES2 + ID,
 * 624 sites in 101 départements), at its FINESS coordinates (Eurostat GISCO, from FINESS 2020)
 * when known and inside its département, else at its commune's point (precision « commune »).
 * Commune codes of the COG 2021 are translated to the millésime through the COG passage table.
 * The sites the curated lists name by hand are merged into theirs by FINESS number: their name,
 * dated status note, source and hours are kept, the SAE adds visits, address and position.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { contains } from '../../../server/src/geo/locate-point';
import type { Polygonal } from '../../../server/src/geo/validate-geometry';
import { giscoPositions, readSaeUrgences, saeSiteNote, suIdOf, type SaeSite } from '../../../server/src/ingest/read-sae-urgences';
import { saeCommuneCode, saeDepartementCode } from '../../../server/src/ingest/sae-commune-code';
import type { CommuneRow } from '../communes-table';
import { InvariantError } from '../invariant-error';
import type { CuratedRow } from './curated-files';
import { latestDate, REAL, type Row } from './care-rows';

export const SAE_SOURCE = 'DREES, SAE 2021, bases statistiques URGENCES2 et ID (Licence Ouverte 2.0) ; coordonnées : Eurostat GISCO d\'après FINESS 2020-03';

/** FINESS géographique of the sites the curated list names (matched by hand on name and commune, SAE 2021). */
export const HAND_LISTED_FINESS: Record<string, string> = {
  'CHU de La Réunion – site de Saint-Denis': '970400024',
  'CHU de La Réunion – site de Saint-Pierre': '970400057',
  'Centre hospitalier Ouest Réunion (CHOR)': '970400065',
  'Groupe hospitalier Est Réunion (GHER)': '970400073',
  'Centre hospitalier de Laval': '530000264',
  'Centre hospitalier du Haut-Anjou': '530000017',
  'Centre hospitalier du Nord-Mayenne (CHNM)': '530000173',
  'Centre hospitalier Erdre et Loire': '440000396',
  'CHU de Nantes': '440000271',
  // Nouvelles Cliniques Nantaises: renamed Hôpital privé du Confluent (same site, île de Nantes).
  'Nouvelles Cliniques Nantaises': '440041580',
  "CHU d'Angers": '490000049',
  'Centre hospitalier de Cholet': '490000635',
  "Centre hospitalier d'Alès": '300000023',
};

/** Ancenis: « urgences fermées la nuit (17h-8h30) depuis le 10 févr. 2023 » → open 08:30–17:00. */
const HAND_HOURS: Record<string, string> = { 'Centre hospitalier Erdre et Loire': 'Mo-Su 08:30-17:00' };

/**
 * Old Guadeloupe codes of Saint-Barthélemy and Saint-Martin, collectivités d'outre-mer since 2007
 * (977, 978): the SAE counts their hospitals in 971 (ARS Guadeloupe, Saint-Martin et
 * Saint-Barthélemy), but the geography holds the 101 départements only, so they cannot be placed.
 */
export const OUTSIDE_GEOGRAPHY: Record<string, string> = { '97123': 'Saint-Barthélemy (977)', '97127': 'Saint-Martin (978)' };

export interface EmergencyInput {
  cacheDir: string;
  communes: Map<string, CommuneRow>;
  /** Old commune code → current code (COG passage table). */
  passage: Map<string, string>;
  handListed: CuratedRow[];
}

export { suIdOf };

/** The SAE text of one table (ISO-8859-1). */
const latin1 = (path: string) => iconv.decode(readFileSync(path), 'latin1');

function inCommune(c: CommuneRow, all: Map<string, CommuneRow>, lon: number, lat: number): boolean {
  const holder = all.get(c.contained_in ?? c.code)!;
  return !!holder.geometry && contains(JSON.parse(holder.geometry) as Polygonal, lon, lat);
}

/** The commune of the département whose polygon holds the point, or null. */
function communeAt(lon: number, lat: number, departement: string, byDep: Map<string, CommuneRow[]>, shapes: Map<string, Polygonal>): CommuneRow | null {
  for (const c of byDep.get(departement) ?? []) {
    if (!c.geometry) continue;
    let shape = shapes.get(c.code);
    if (!shape) shapes.set(c.code, (shape = JSON.parse(c.geometry) as Polygonal));
    if (contains(shape, lon, lat)) return c;
  }
  return null;
}

/** Emergency sites as structures, or null when the cache holds no SAE table (online download without it). */
export function defaultEmergencySites(input: EmergencyInput): Row[] | null {
  const dir = join(input.cacheDir, 'sae-2021');
  if (!existsSync(join(dir, 'URGENCES2_2021r.csv')) || !existsSync(join(dir, 'ID_2021r.csv'))) return null;
  const reading = readSaeUrgences(`${latin1(join(dir, 'URGENCES2_2021r.csv'))}\n${latin1(join(dir, 'ID_2021r.csv'))}`);
  const gisco = join(input.cacheDir, 'gisco', 'FR.csv');
  const positions = existsSync(gisco) ? giscoPositions(readFileSync(gisco, 'utf8')) : new Map<string, [number, number]>();
  const problems = reading.problems.map((p) => `URGENCES2 ligne ${p.line} : ${p.message}`);
  const hand = new Map<string, CuratedRow>();
  for (const r of input.handListed) {
    const finess = HAND_LISTED_FINESS[r.etablissement!];
    if (!finess) problems.push(`site d'urgences « ${r.etablissement} » (liste curée) sans numéro FINESS connu : ajoutez-le à HAND_LISTED_FINESS`);
    else hand.set(finess, r);
  }
  const byDep = new Map<string, CommuneRow[]>();
  for (const c of input.communes.values()) (byDep.get(c.departement) ?? byDep.set(c.departement, []).get(c.departement)!).push(c);
  const shapes = new Map<string, Polygonal>();
  const rows: Row[] = [];
  for (const s of reading.sites) {
    const code = saeCommuneCode(s.commune);
    const current = input.communes.get(code) ?? input.communes.get(input.passage.get(code) ?? '');
    if (!current && OUTSIDE_GEOGRAPHY[code]) continue;
    if (!current) {
      // Outside the build's scope; inside it, a commune the COG does not know stops the build.
      if (byDep.has(saeDepartementCode(s.departement))) problems.push(`${s.finess} (${s.name}) : commune ${s.commune} inconnue du COG, même par la table de passage`);
      continue;
    }
    rows.push(siteRow(s, current, positions.get(s.finess) ?? null, hand.get(s.finess) ?? null, input.communes, byDep, shapes));
  }
  const placed = new Set(rows.map((r) => r.finess_et));
  for (const [finess, r] of hand) {
    if (input.communes.has(r.commune_insee!) && !placed.has(finess)) problems.push(`site curé « ${r.etablissement} » (${finess}) absent de la SAE 2021`);
  }
  if (problems.length > 0) throw new InvariantError('sites d\'urgences de la SAE 2021', problems);
  return rows;
}

function siteRow(
  s: SaeSite, commune: CommuneRow, position: [number, number] | null, hand: CuratedRow | null,
  all: Map<string, CommuneRow>, byDep: Map<string, CommuneRow[]>, shapes: Map<string, Polygonal>,
): Row {
  let place = { commune: commune.code, lon: commune.label_lon, lat: commune.label_lat, location_precision: 'commune' };
  const notes: string[] = [];
  if (position && inCommune(commune, all, position[0], position[1])) {
    place = { commune: commune.code, lon: position[0], lat: position[1], location_precision: 'adresse' };
  } else if (position) {
    const other = communeAt(position[0], position[1], commune.departement, byDep, shapes);
    if (other) {
      place = { commune: other.code, lon: position[0], lat: position[1], location_precision: 'adresse' };
      notes.push(`coordonnées FINESS dans la commune voisine ${other.nom} (${other.code}) ; SAE : ${commune.nom}`);
    } else notes.push('coordonnées FINESS hors du département : placé au point de la commune');
  } else notes.push('sans coordonnées FINESS : placé au point de la commune');
  return {
    id: suIdOf(s.finess), kind: 'SU', cds_subtype: null, finess_category: s.finessCategory, finess_category_label: null,
    finess_et: s.finess, finess_ej: s.finessEj, name: hand?.etablissement ?? s.name, address: s.address, ...place,
    opening_hours: hand ? (HAND_HOURS[hand.etablissement!] ?? null) : null, accepts_snp: 'oui', host_su_id: null,
    visits_per_year: s.visits, visits_year: s.year,
    note: [hand ? `${hand.statut_note} (${hand.date_info})` : null, saeSiteNote(s, { withName: hand !== null }), ...notes].filter(Boolean).join(' ; '),
    source: hand ? `${hand.source} ; ${SAE_SOURCE}` : SAE_SOURCE, source_date: hand ? latestDate(hand.date_info!) : String(s.year),
    ...REAL,
  };
}
