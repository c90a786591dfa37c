/** Links that open a route to an offer: OpenStreetMap directions (car) and a `geo:` URI for phones. */
export interface Point {
  lon: number;
  lat: number;
}

const fixed = (v: number) => v.toFixed(5);

export function osmDirectionsUrl(from: Point, to: Point): string {
  return `https://www.openstreetmap.org/directions?engine=fossgis_osrm_car&route=${fixed(from.lat)}%2C${fixed(from.lon)}%3B${fixed(to.lat)}%2C${fixed(to.lon)}`;
}

export function geoUri(to: Point, label: string): string {
  return `geo:${fixed(to.lat)},${fixed(to.lon)}?q=${fixed(to.lat)},${fixed(to.lon)}(${encodeURIComponent(label)})`;
}
