/** The origin and the offers as one GeoJSON collection for the finder's map. */
import type { FeatureCollection, Point } from 'geojson';
import type { NearestOffers } from './api/nearest-offers';

export function offersGeoJson(data: NearestOffers, selected: string | null): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { role: 'origine', nom: data.origine.nom }, geometry: { type: 'Point', coordinates: [data.origine.lon, data.origine.lat] } },
      ...data.offres.map((o, i) => ({
        type: 'Feature' as const,
        properties: { role: 'offre', id: o.id, rang: i + 1, nom: o.nom, etat: o.ouverture.etat, selection: o.id === selected },
        geometry: { type: 'Point' as const, coordinates: [o.lon, o.lat] },
      })),
    ],
  };
}

/** The box holding the origin and the offers (for fitting the map). */
export function offersBbox(data: NearestOffers): [number, number, number, number] {
  const pts = [[data.origine.lon, data.origine.lat], ...data.offres.map((o) => [o.lon, o.lat])] as [number, number][];
  return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
}
