/**
 * GeoJSON answers of the API (`format=geojson`) are sent as files, so the typed client cannot
 * know their shape: this checks that the body is a FeatureCollection before the map uses it,
 * and throws the API's French message on an error status.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { read } from './api-client';

export type Properties = Record<string, unknown>;

export function isFeatureCollection(value: unknown): value is FeatureCollection<Geometry | null, Properties> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; features?: unknown };
  return v.type === 'FeatureCollection' && Array.isArray(v.features);
}

export async function readGeoJson(res: { ok: boolean; status: number; json(): Promise<unknown> }): Promise<FeatureCollection<Geometry | null, Properties> & Properties> {
  const body: unknown = await read(res);
  if (!isFeatureCollection(body)) throw new Error('Réponse inattendue du service : une collection GeoJSON était attendue.');
  return body as FeatureCollection<Geometry | null, Properties> & Properties;
}
