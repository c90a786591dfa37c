/**
 * Envelopes (lon/lat, WGS84) of métropole and of each DROM, with a margin of a few kilometres
 * around the IGN ADMIN EXPRESS communes. A coordinate outside its envelope is an error.
 */
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

const ENVELOPES: Record<string, BBox> = {
  metro: [-5.6, 41.2, 9.9, 51.3],
  '971': [-61.95, 15.75, -60.9, 16.6],
  '972': [-61.35, 14.3, -60.7, 14.95],
  '973': [-54.8, 2.0, -51.4, 6.0],
  '974': [55.1, -21.5, 55.95, -20.75],
  '976': [44.9, -13.1, 45.4, -12.5],
};

/** The envelope of a département: its DROM box (971…976) or the métropole box. */
export function envelopeOf(departement: string): BBox {
  return ENVELOPES[departement] ?? ENVELOPES.metro!;
}

export function inBBox(lon: number, lat: number, [minLon, minLat, maxLon, maxLat]: BBox): boolean {
  return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
}

/** Is the point inside France (métropole or a DROM)? */
export function inFrance(lon: number, lat: number): boolean {
  return Object.values(ENVELOPES).some((box) => inBBox(lon, lat, box));
}

/** IANA time zone of a département (PDSA opening hours are local time). */
export function timeZoneOf(departement: string): string {
  switch (departement) {
    case '971':
    case '972':
      return 'America/Martinique';
    case '973':
      return 'America/Cayenne';
    case '974':
      return 'Indian/Reunion';
    case '976':
      return 'Indian/Mayotte';
    default:
      return 'Europe/Paris';
  }
}
