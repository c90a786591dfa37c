/**
 * Commune rows of the database from the joined COG + topology: geometry decoded from the
 * quantised topology (so that served polygons, tiles and dissolves share the same coordinates),
 * area, label point and bounding box. Contained communes take their parent's label point.
 */
import { area as turfArea, bbox as turfBbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { decodeCommune, indexCommuneGeometries, type CommuneTopology } from '../../server/src/geo/commune-topology';
import { inBBox, envelopeOf } from '../../server/src/geo/france-extent';
import { labelPoint } from '../../server/src/geo/label-point';
import { validateGeometry, type Polygonal } from '../../server/src/geo/validate-geometry';
import { normalizeName } from '../../server/src/lib/text';
import { assertNoProblems } from './invariant-error';
import type { JoinedCommune } from './join-communes';

export interface CommuneRow {
  code: string;
  nom: string;
  nom_norm: string;
  departement: string;
  region: string;
  epci: string | null;
  zone: string;
  population: number;
  area_km2: number | null;
  label_lon: number;
  label_lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  codes_postaux: string[];
  geometry: string | null;
  contained_in: string | null;
  geometry_source: string;
  geometry_millesime: number | null;
  cog_millesime: number;
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

export function communeRows(
  joined: JoinedCommune[],
  topology: CommuneTopology,
  cogMillesime: number,
  onProgress: (done: number) => void = () => {},
): { rows: CommuneRow[]; geometries: Map<string, Polygonal> } {
  const objects = indexCommuneGeometries(topology);
  const geometries = new Map<string, Polygonal>();
  const problems: string[] = [];
  const rows: CommuneRow[] = [];
  const byCode = new Map<string, CommuneRow>();
  joined.forEach((j, i) => {
    if (j.geometry === null) return;
    const object = objects.get(j.cog.code);
    if (!object) {
      problems.push(`commune ${j.cog.code} absente de la topologie`);
      return;
    }
    const geometry = decodeCommune(topology, object);
    const envelope = envelopeOf(j.cog.departement);
    const issues = validateGeometry(geometry, envelope);
    if (issues.length > 0) {
      problems.push(`commune ${j.cog.code} après quantification : ${issues[0]}`);
      return;
    }
    const [lon, lat] = labelPoint(geometry);
    if (!inBBox(lon, lat, envelope)) problems.push(`commune ${j.cog.code} : point d'étiquette hors de France (${lon}, ${lat})`);
    const [minLon, minLat, maxLon, maxLat] = turfBbox(geometry);
    const row: CommuneRow = {
      ...base(j, cogMillesime),
      area_km2: round(turfArea({ type: 'Feature', properties: {}, geometry } as Feature) / 1e6, 4),
      label_lon: round(lon, 6),
      label_lat: round(lat, 6),
      min_lon: minLon!,
      min_lat: minLat!,
      max_lon: maxLon!,
      max_lat: maxLat!,
      geometry: JSON.stringify(geometry),
    };
    geometries.set(j.cog.code, geometry);
    rows.push(row);
    byCode.set(row.code, row);
    if (i % 500 === 0) onProgress(i);
  });
  for (const j of joined) {
    if (j.geometry !== null) continue;
    const parent = byCode.get(j.parent!);
    if (!parent) {
      problems.push(`commune ${j.cog.code} : commune parente ${j.parent} sans géométrie`);
      continue;
    }
    rows.push({
      ...base(j, cogMillesime),
      area_km2: null,
      label_lon: parent.label_lon,
      label_lat: parent.label_lat,
      min_lon: parent.min_lon,
      min_lat: parent.min_lat,
      max_lon: parent.max_lon,
      max_lat: parent.max_lat,
      geometry: null,
    });
  }
  onProgress(joined.length);
  assertNoProblems('géométries décodées de la topologie', problems);
  rows.sort((a, b) => (a.code < b.code ? -1 : 1));
  return { rows, geometries };
}

function base(j: JoinedCommune, cogMillesime: number) {
  return {
    code: j.cog.code,
    nom: j.cog.nom,
    nom_norm: normalizeName(j.cog.nom),
    departement: j.cog.departement,
    region: j.cog.region,
    epci: j.cog.epci,
    zone: j.cog.zone,
    population: j.cog.population,
    codes_postaux: j.cog.codesPostaux,
    contained_in: j.parent,
    geometry_source: j.geometrySource,
    geometry_millesime: j.geometryMillesime,
    cog_millesime: cogMillesime,
  };
}
