/**
 * A GeoJSON FeatureCollection written as text (RFC 7946: lon/lat WGS84, no `crs` member),
 * mixing geometries held as objects and geometries already stored as text (commune polygons from
 * the database), so that large layers are never parsed and re-serialised.
 */
export interface TextFeature {
  id?: string;
  properties: Record<string, unknown>;
  /** A geometry object, its JSON text, or null. */
  geometry: object | string | null;
}

export function featureCollectionText(features: Iterable<TextFeature>, members: Record<string, unknown> = {}): string {
  const parts: string[] = [];
  for (const f of features) {
    const geometry = f.geometry === null ? 'null' : typeof f.geometry === 'string' ? f.geometry : JSON.stringify(f.geometry);
    const id = f.id === undefined ? '' : `"id":${JSON.stringify(f.id)},`;
    parts.push(`{"type":"Feature",${id}"properties":${JSON.stringify(f.properties)},"geometry":${geometry}}`);
  }
  const extra = Object.entries(members).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`).join('');
  return `{"type":"FeatureCollection",${extra}"features":[${parts.join(',')}]}`;
}
