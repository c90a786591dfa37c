/**
 * Reader of administrative contours as GeoJSON FeatureCollections (Etalab *contours-administratifs*
 * or the COG-harmonised mirror): one feature per territory, keyed by its `code` property.
 */
import { readJsonFile } from '../lib/gzip-json';

export interface ContourFeature {
  code: string;
  /** Polygonal geometry as read (validated later). */
  geometry: unknown;
  properties: Record<string, unknown>;
  /** 1-based position in the file, for messages. */
  index: number;
}

export function readContours(path: string): ContourFeature[] {
  const fc = readJsonFile<{ type?: string; features?: unknown[] }>(path);
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${path} n'est pas une FeatureCollection GeoJSON`);
  }
  return fc.features.map((raw, i) => {
    const f = raw as { properties?: Record<string, unknown>; geometry?: unknown };
    const properties = f.properties ?? {};
    const code = properties.code;
    if (typeof code !== 'string' || code.length === 0) {
      throw new Error(`${path} : l'entité n° ${i + 1} n'a pas de propriété « code »`);
    }
    return { code, geometry: f.geometry ?? null, properties, index: i + 1 };
  });
}
