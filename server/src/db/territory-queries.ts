import type { Database } from './connection';

export interface RegionSummary {
  code: string;
  nom: string;
  zone: string;
  population: number;
  communes: number;
  bbox: [number, number, number, number];
}

export interface DepartementSummary extends RegionSummary {
  region: string;
  regionNom: string;
  timeZone: string;
}

const BBOX = `[min(c.min_lon), min(c.min_lat), max(c.max_lon), max(c.max_lat)]::DOUBLE[] AS bbox`;

export function listRegions(db: Database): Promise<RegionSummary[]> {
  return db.all<RegionSummary>(`
    SELECT r.code, r.nom, r.zone, r.population, r.communes, ${BBOX}
    FROM regions r JOIN communes c ON c.region = r.code
    GROUP BY ALL ORDER BY r.code`);
}

export function listDepartements(db: Database, region?: string): Promise<DepartementSummary[]> {
  return db.all<DepartementSummary>(
    `SELECT d.code, d.nom, d.zone, d.population, d.communes, d.region, r.nom AS regionNom, d.time_zone AS timeZone, ${BBOX}
     FROM departements d JOIN regions r ON r.code = d.region JOIN communes c ON c.departement = d.code
     WHERE $region IS NULL OR d.region = $region
     GROUP BY ALL ORDER BY d.code`,
    { region: region ?? null },
  );
}

export async function regionExists(db: Database, code: string): Promise<boolean> {
  const rows = await db.all('SELECT 1 FROM regions WHERE code = $code', { code });
  return rows.length > 0;
}

export async function departementExists(db: Database, code: string): Promise<boolean> {
  const rows = await db.all('SELECT 1 FROM departements WHERE code = $code', { code });
  return rows.length > 0;
}
