/**
 * What the SNP finder reads besides the structures (structure-queries.ts): the origin of a search
 * (a commune's label point) and the SAS of a département with its filières. Demonstration rows
 * only when allowed.
 */
import type { Database } from './connection';

export interface OriginRow {
  code: string;
  nom: string;
  departement: string;
  departementNom: string;
  lon: number;
  lat: number;
}

export interface SasRow {
  departement: string;
  departementNom: string;
  status: string;
  startDate: string | null;
  telephone: string | null;
  note: string | null;
  source: string;
  demo: boolean;
  filieres: { filiere: string; since: string | null }[];
}

/** A commune's label point (its container's for a commune without a polygon of its own). */
export async function communeOrigin(db: Database, code: string): Promise<OriginRow | null> {
  const [row] = await db.all<OriginRow>(
    `SELECT c.code, c.nom, c.departement, d.nom AS departementNom, c.label_lon AS lon, c.label_lat AS lat
     FROM communes c JOIN departements d ON d.code = c.departement WHERE c.code = $code`,
    { code },
  );
  return row ?? null;
}

/** The commune whose polygon's bounding box holds the point and whose label point is nearest (a hint, not a point-in-polygon test). */
export async function communeNear(db: Database, lon: number, lat: number): Promise<OriginRow | null> {
  const [row] = await db.all<OriginRow>(
    `SELECT c.code, c.nom, c.departement, d.nom AS departementNom, c.label_lon AS lon, c.label_lat AS lat
     FROM communes c JOIN departements d ON d.code = c.departement
     WHERE $lon BETWEEN c.min_lon AND c.max_lon AND $lat BETWEEN c.min_lat AND c.max_lat
     ORDER BY (c.label_lon - $lon) ^ 2 + (c.label_lat - $lat) ^ 2 LIMIT 1`,
    { lon, lat },
  );
  return row ?? null;
}

export async function sasOfDepartement(db: Database, departement: string, { demo }: { demo: boolean }): Promise<SasRow | null> {
  const [row] = await db.all<SasRow>(
    `SELECT s.departement, d.nom AS departementNom, s.status, s.start_date AS startDate, s.telephone, s.note, s.source, s.demo,
            coalesce(list({'filiere': f.filiere, 'since': f.since} ORDER BY f.filiere) FILTER (WHERE f.filiere IS NOT NULL), []) AS filieres
     FROM sas s JOIN departements d ON d.code = s.departement
     LEFT JOIN sas_filieres f ON f.departement = s.departement AND ($demo OR NOT f.demo)
     WHERE s.departement = $departement AND ($demo OR NOT s.demo)
     GROUP BY ALL`,
    { departement, demo },
  );
  return row ?? null;
}

/** « Liste complète au <date> » of one département's SNP offers, or null when not declared. */
export async function snpListCompleteness(db: Database, departement: string, { demo }: { demo: boolean }): Promise<{ date: string; source: string } | null> {
  const [row] = await db.all<{ date: string; source: string }>(
    "SELECT complete_on AS date, source FROM completeness WHERE departement = $d AND list_kind = 'snp' AND ($demo OR NOT demo)",
    { d: departement, demo },
  );
  return row ?? null;
}
