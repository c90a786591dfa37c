/** The map viewport in the URL: `carte=zoom/lat/lon` (like OpenStreetMap's `map=`). */
export interface Viewport {
  zoom: number;
  lat: number;
  lon: number;
}

export const FRANCE_VIEWPORT: Viewport = { zoom: 5, lat: 46.6, lon: 2.4 };

export function parseViewport(value: string | null): Viewport | null {
  if (!value) return null;
  const [zoom, lat, lon] = value.split('/').map(Number);
  if (![zoom, lat, lon].every((v) => Number.isFinite(v))) return null;
  if (zoom! < 0 || zoom! > 22 || Math.abs(lat!) > 85 || Math.abs(lon!) > 180) return null;
  return { zoom: zoom!, lat: lat!, lon: lon! };
}

export function formatViewport({ zoom, lat, lon }: Viewport): string {
  return `${zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`;
}
