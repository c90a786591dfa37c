/**
 * Coordinates of the FINESS `geolocalisation` records are projected; the system is named at the
 * end of `sourcecoordet`, in one of the wordings FINESS has used over the years:
 *   `1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93` (UTM_N20, UTM_N22, UTM_S40, UTM_S38…)
 *   `1,ATLASANTE,96,BAN,L93_METROPOLE`
 *   `2,ATLASANTE,96,BAN,EPSG:5490 RGAF09/UTM Zone 20N (Antilles)`
 * Reprojected to WGS84 with proj4 (RGF93 and the overseas RGAF09/RGFG95/RGR92/RGM04 frames are
 * WGS84-compatible at the metre: towgs84 zero).
 */
import proj4, { type Converter } from 'proj4';

export type FinessProjection = 'LAMBERT_93' | 'UTM_N20' | 'UTM_N21' | 'UTM_N22' | 'UTM_S38' | 'UTM_S40';

const DEFS: Record<FinessProjection, string> = {
  LAMBERT_93: '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_N20: '+proj=utm +zone=20 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_N21: '+proj=utm +zone=21 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_N22: '+proj=utm +zone=22 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_S38: '+proj=utm +zone=38 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  UTM_S40: '+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
};

/** EPSG codes FINESS writes, by projection (national RGF93/RGAF09/… and WGS84 UTM variants). */
const EPSG: Record<string, FinessProjection> = {
  '2154': 'LAMBERT_93',
  '4559': 'UTM_N20', '5490': 'UTM_N20', '32620': 'UTM_N20',
  '4467': 'UTM_N21', '32621': 'UTM_N21',
  '2972': 'UTM_N22', '32622': 'UTM_N22',
  '4471': 'UTM_S38', '32738': 'UTM_S38',
  '2975': 'UTM_S40', '32740': 'UTM_S40',
};

/** The projection named by a `sourcecoordet` value, or null when it names none we know. */
export function projectionOf(sourcecoordet: string): FinessProjection | null {
  const last = sourcecoordet.split(',').pop()!.trim().toUpperCase();
  if (last === 'LAMBERT_93' || last === 'L93_METROPOLE' || last === 'LAMBERT93') return 'LAMBERT_93';
  const named = /^UTM_([NS])(\d{2})$/.exec(last);
  if (named) return (`UTM_${named[1]}${named[2]}` in DEFS ? `UTM_${named[1]}${named[2]}` : null) as FinessProjection | null;
  const epsg = /EPSG:(\d{4,5})/.exec(last);
  if (epsg) return EPSG[epsg[1]!] ?? null;
  if (/LAMBERT[- _]?93/.test(last)) return 'LAMBERT_93';
  const zone = /UTM[^0-9]*(\d{2})\s*([NS])\b/.exec(last);
  if (zone) {
    const key = `UTM_${zone[2]}${zone[1]}`;
    return key in DEFS ? (key as FinessProjection) : null;
  }
  return null;
}

const converters = new Map<FinessProjection, Converter>();

/** WGS84 [lon, lat] of projected coordinates, rounded to 1e-6 degree (≈ 0.1 m). */
export function toWgs84(x: number, y: number, projection: FinessProjection): [number, number] {
  let converter = converters.get(projection);
  if (!converter) {
    converter = proj4(DEFS[projection], 'EPSG:4326');
    converters.set(projection, converter);
  }
  const [lon, lat] = converter.forward([x, y]);
  return [Math.round(lon! * 1e6) / 1e6, Math.round(lat! * 1e6) / 1e6];
}

/** The projection FINESS uses for a département (to write fixtures and benchmark files). */
export function projectionForDepartement(departement: string): FinessProjection {
  if (departement === '971' || departement === '972') return 'UTM_N20';
  if (departement === '973') return 'UTM_N22';
  if (departement === '974') return 'UTM_S40';
  if (departement === '976') return 'UTM_S38';
  return 'LAMBERT_93';
}

/** Projected [x, y] of WGS84 coordinates (inverse of toWgs84), rounded to 0.1 m as FINESS writes them. */
export function fromWgs84(lon: number, lat: number, projection: FinessProjection): [number, number] {
  const [x, y] = proj4('EPSG:4326', DEFS[projection], [lon, lat]);
  return [Math.round(x! * 10) / 10, Math.round(y! * 10) / 10];
}
