/**
 * CPTS for the API: status, declared population and the population computed from the COG
 * populations of their communes, commune counts, and for one CPTS its communes.
 *
 * Communes and arrondissements municipaux alike (commune-units.ts). A commune (or arrondissement)
 * N CPTS list at the date counts for each of them a share of its population that add up to it
 * exactly (⌊P/N⌋, one more for the first P mod N by CPTS id: analysis/population-shares.ts, the
 * same rule as the coverage): the CPTS of a région never add up to more than the population they cover.
 */
import type { Database } from './connection';
import { COMMUNE_UNITS } from './commune-units';
import { CPTS_AT, CPTS_COMMUNES_AT } from './cpts-at-date';

export interface CptsFilter {
  departement?: string;
  region?: string;
  status?: string;
  demo: boolean;
  /** AAAA-MM-JJ: perimeters and statuses as they were that day. */
  date: string;
}

export interface CptsSummaryRow {
  id: string;
  name: string;
  status: string;
  statusDate: string | null;
  declaredPopulation: number | null;
  /** Sum of the COG populations of all its communes (partly covered ones included), shared ones for their share. */
  computedPopulation: number;
  partialPopulation: number;
  /** The shares of the communes it shares with other CPTS, within `computedPopulation`. */
  sharedPopulation: number;
  communes: number;
  wholeCommunes: number;
  partialCommunes: number;
  sharedCommunes: number;
  departement: string | null;
  departements: string[];
  headquartersCommune: string | null;
  headquartersNom: string | null;
  headquartersAddress: string | null;
  /** The headquarters' position: its address (FINESS geolocation) when known, else its commune's label point, else null. */
  headquartersLon: number | null;
  headquartersLat: number | null;
  headquartersPrecision: 'adresse' | 'commune' | null;
  /** FINESS number of the CPTS (category 604), when known. */
  finessEt: string | null;
  territoryNote: string | null;
  note: string | null;
  source: string;
  sourceDate: string | null;
  demo: boolean;
  importId: string | null;
}

/** Every membership at `$date` with its unit's population, the number of CPTS listing the unit and the share it counts for this one. */
const MEMBERS = `
  SELECT *, CAST(population // shared_by + CASE WHEN rank_in_unit <= population % shared_by THEN 1 ELSE 0 END AS INTEGER) AS share
  FROM (
    SELECT m.cpts_id, m.commune, m.coverage, m.note, c.nom, c.population, c.departement, c.region, c.contained_in, c.arrondissement_of, c.city_nom,
           CAST(count(*) OVER (PARTITION BY m.commune) AS INTEGER) AS shared_by,
           row_number() OVER (PARTITION BY m.commune ORDER BY m.cpts_id) AS rank_in_unit,
           bool_and(m.coverage = 'partielle') OVER (PARTITION BY m.commune) AS divided
    FROM ${CPTS_COMMUNES_AT} m JOIN ${COMMUNE_UNITS} c ON c.code = m.commune
    WHERE $demo OR NOT m.demo
  )`;

const SUMMARY = `
  WITH members AS (${MEMBERS})
  SELECT p.id, p.name, p.status, p.status_date AS statusDate, p.declared_population AS declaredPopulation,
         CAST(coalesce(sum(m.share), 0) AS INTEGER) AS computedPopulation,
         CAST(coalesce(sum(m.share) FILTER (WHERE m.coverage = 'partielle'), 0) AS INTEGER) AS partialPopulation,
         CAST(coalesce(sum(m.share) FILTER (WHERE m.shared_by > 1), 0) AS INTEGER) AS sharedPopulation,
         CAST(count(m.commune) AS INTEGER) AS communes,
         CAST(count(m.commune) FILTER (WHERE m.coverage = 'entière') AS INTEGER) AS wholeCommunes,
         CAST(count(m.commune) FILTER (WHERE m.coverage = 'partielle') AS INTEGER) AS partialCommunes,
         CAST(count(m.commune) FILTER (WHERE m.shared_by > 1) AS INTEGER) AS sharedCommunes,
         p.departement, coalesce(list_sort(list_distinct(list(m.departement) FILTER (WHERE m.departement IS NOT NULL))), []) AS departements,
         coalesce(list_distinct(list(m.region) FILTER (WHERE m.region IS NOT NULL)), []) AS regions,
         p.headquarters_commune AS headquartersCommune, hq.nom AS headquartersNom, hq.departement AS headquartersDepartement,
         hq.region AS headquartersRegion, p.headquarters_address AS headquartersAddress,
         coalesce(p.headquarters_lon, hq.label_lon) AS headquartersLon, coalesce(p.headquarters_lat, hq.label_lat) AS headquartersLat,
         CASE WHEN p.headquarters_lon IS NOT NULL THEN 'adresse' WHEN hq.code IS NOT NULL THEN 'commune' END AS headquartersPrecision,
         p.finess_et AS finessEt, p.territory_note AS territoryNote, p.note,
         p.source, p.source_date AS sourceDate, p.demo, p.import_id AS importId
  FROM ${CPTS_AT} p
  LEFT JOIN members m ON m.cpts_id = p.id
  LEFT JOIN communes hq ON hq.code = p.headquarters_commune
  WHERE $demo OR NOT p.demo
  GROUP BY ALL`;

export async function listCpts(db: Database, f: CptsFilter): Promise<CptsSummaryRow[]> {
  return db.all<CptsSummaryRow>(
    `SELECT * EXCLUDE (regions, headquartersDepartement, headquartersRegion, depRegion) FROM (
       SELECT s.*, d.region AS depRegion FROM (${SUMMARY}) s LEFT JOIN departements d ON d.code = s.departement
     )
     WHERE ($status IS NULL OR status = $status)
       AND ($departement IS NULL OR list_contains(departements, $departement)
            OR (len(departements) = 0 AND coalesce(headquartersDepartement, departement) = $departement))
       AND ($region IS NULL OR list_contains(regions, $region)
            OR (len(regions) = 0 AND coalesce(headquartersRegion, depRegion) = $region))
     ORDER BY demo, id`,
    { demo: f.demo, date: f.date, status: f.status ?? null, departement: f.departement ?? null, region: f.region ?? null },
  );
}

export async function cptsSummary(db: Database, id: string, demo: boolean, date: string): Promise<CptsSummaryRow | null> {
  const [row] = await db.all<CptsSummaryRow>(
    `SELECT * EXCLUDE (regions, headquartersDepartement, headquartersRegion) FROM (${SUMMARY}) WHERE id = $id`,
    { demo, id, date },
  );
  return row ?? null;
}

export interface CptsCommuneRow {
  code: string;
  nom: string;
  departement: string;
  population: number;
  coverage: string;
  note: string | null;
  /** Commune whose polygon holds this one (no own polygon, or an arrondissement: its city), else null. */
  containedIn: string | null;
  /** An arrondissement municipal: the city it divides, and its name. */
  arrondissementOf: string | null;
  cityNom: string | null;
  /** How many CPTS list it at the date, and the share of its population this one counts. */
  sharedBy: number;
  share: number;
}

export function cptsCommunes(db: Database, id: string, demo: boolean, date: string): Promise<CptsCommuneRow[]> {
  return db.all<CptsCommuneRow>(
    `SELECT commune AS code, nom, departement, population, coverage, note, contained_in AS containedIn, arrondissement_of AS arrondissementOf, city_nom AS cityNom,
            shared_by AS sharedBy, share
     FROM (${MEMBERS}) WHERE cpts_id = $id ORDER BY commune`,
    { id, demo, date },
  );
}

/**
 * Other CPTS that list communes of this one: `communes` in overlap (one of them claims it whole), `partagees`
 * divided between them (every CPTS listing it says « partielle »: analysis/cpts-coverage.ts, the same rule).
 */
export function overlappingCpts(db: Database, id: string, demo: boolean, date: string): Promise<{ id: string; name: string; demo: boolean; communes: string[]; partagees: string[] }[]> {
  return db.all(
    `SELECT p.id, p.name, p.demo,
            coalesce(list_sort(list(o.commune) FILTER (WHERE NOT m.divided)), []) AS communes,
            coalesce(list_sort(list(o.commune) FILTER (WHERE m.divided)), []) AS partagees
     FROM (${MEMBERS}) m JOIN ${CPTS_COMMUNES_AT} o ON o.commune = m.commune AND o.cpts_id <> m.cpts_id
     JOIN cpts p ON p.id = o.cpts_id
     WHERE m.cpts_id = $id AND ($demo OR NOT (p.demo OR o.demo))
     GROUP BY p.id, p.name, p.demo ORDER BY p.id`,
    { id, demo, date },
  );
}
