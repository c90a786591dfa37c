import type { Database } from './connection';
import { passagesOf } from './import-queries';

export type CommuneFilter =
  | { departement: string }
  | { region: string }
  | { bbox: [number, number, number, number] };

export interface CommuneProperties {
  code: string;
  nom: string;
  departement: string;
  region: string;
  epci: string | null;
  population: number;
  area_km2: number | null;
  densite: number | null;
  contenue_dans: string | null;
}

const FEATURE = `'{"type":"Feature","id":' || to_json(code) || ',"properties":' || to_json({
    'code': code, 'nom': nom, 'departement': departement, 'region': region, 'epci': epci,
    'population': population, 'area_km2': area_km2,
    'densite': CASE WHEN area_km2 > 0 THEN round(population / area_km2, 1) END,
    'contenue_dans': contained_in
  }) || ',"geometry":' || coalesce(geometry, 'null') || '}'`;

/** The communes of a filter as a GeoJSON FeatureCollection text, sorted by code. */
export async function communesFeatureCollection(db: Database, filter: CommuneFilter): Promise<{ text: string; count: number }> {
  let where: string;
  let params: Record<string, string | number>;
  if ('departement' in filter) {
    where = 'departement = $departement';
    params = { departement: filter.departement };
  } else if ('region' in filter) {
    where = 'region = $region';
    params = { region: filter.region };
  } else {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    where = 'max_lon >= $minLon AND min_lon <= $maxLon AND max_lat >= $minLat AND min_lat <= $maxLat';
    params = { minLon, minLat, maxLon, maxLat };
  }
  const [row] = await db.all<{ features: string | null; n: number }>(
    `SELECT string_agg(${FEATURE}, ',' ORDER BY code) AS features, count(*)::INTEGER AS n FROM communes WHERE ${where}`,
    params,
  );
  return { text: `{"type":"FeatureCollection","features":[${row?.features ?? ''}]}`, count: row?.n ?? 0 };
}

export interface CommuneDetail {
  code: string;
  nom: string;
  population: number;
  area_km2: number | null;
  densite: number | null;
  codesPostaux: string[];
  labelPoint: [number, number];
  bbox: [number, number, number, number];
  departement: { code: string; nom: string };
  region: { code: string; nom: string };
  epci: { code: string; nom: string; type: string } | null;
  contenueDans: { code: string; nom: string } | null;
  geometrySource: string;
  geometryMillesime: number | null;
  cogMillesime: number;
}

export async function communeByCode(db: Database, code: string): Promise<CommuneDetail | null> {
  const [row] = await db.all<CommuneDetail>(
    `SELECT c.code, c.nom, c.population, c.area_km2,
            CASE WHEN c.area_km2 > 0 THEN round(c.population / c.area_km2, 1) END AS densite,
            c.codes_postaux AS codesPostaux, [c.label_lon, c.label_lat] AS labelPoint,
            [c.min_lon, c.min_lat, c.max_lon, c.max_lat] AS bbox,
            {'code': d.code, 'nom': d.nom} AS departement, {'code': r.code, 'nom': r.nom} AS region,
            CASE WHEN e.code IS NOT NULL THEN {'code': e.code, 'nom': e.nom, 'type': e.type} END AS epci,
            CASE WHEN p.code IS NOT NULL THEN {'code': p.code, 'nom': p.nom} END AS contenueDans,
            c.geometry_source AS geometrySource, c.geometry_millesime AS geometryMillesime, c.cog_millesime AS cogMillesime
     FROM communes c
     JOIN departements d ON d.code = c.departement
     JOIN regions r ON r.code = c.region
     LEFT JOIN epci e ON e.code = c.epci
     LEFT JOIN communes p ON p.code = c.contained_in
     WHERE c.code = $code`,
    { code },
  );
  return row ?? null;
}

export async function communeGeometry(db: Database, code: string): Promise<string | null> {
  const [row] = await db.all<{ geometry: string | null }>('SELECT geometry FROM communes WHERE code = $code', { code });
  return row?.geometry ?? null;
}

export interface Passage {
  oldCode: string;
  code: string;
  relation: string;
  oldNom: string | null;
}

/** The current commune of an old code: the one passage query (import-queries.ts), for one code. */
export async function passageOf(db: Database, oldCode: string): Promise<Passage | null> {
  return (await passagesOf(db, [oldCode]))[0] ?? null;
}
