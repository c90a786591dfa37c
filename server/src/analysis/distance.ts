/**
 * Distances between points: great-circle (haversine) on a sphere of radius 6 371 km — the same
 * as geokdbush, so the index and its brute-force twin agree — and an estimated road distance
 * until a road network is available.
 *
 * Road distance ≈ straight line × detour factor. Default factor 1.3: the order of magnitude of
 * the road circuity factors measured on national road networks (ratio road / great-circle
 * distance of about 1.2 to 1.4; Ballou, Rahardja & Sakai, « Selected country circuity factors
 * for road travel distance estimation », Transportation Research Part A 36, 2002). It is an
 * average: mountains, coasts and rivers make real detours longer; every output says so.
 */
export const EARTH_RADIUS_KM = 6371;
export const DEFAULT_DETOUR_FACTOR = 1.3;

const RAD = Math.PI / 180;

export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function checkDetourFactor(detourFactor: number): number {
  if (!Number.isFinite(detourFactor) || detourFactor < 1 || detourFactor > 3) {
    throw new RangeError(`coefficient de détour ${detourFactor} invalide : attendu un nombre entre 1 et 3`);
  }
  return detourFactor;
}

/** How distances were measured, stated in every output that uses them. */
export function distanceMethod(detourFactor: number) {
  return {
    type: 'estimation' as const,
    coefficientDetour: detourFactor,
    description:
      `Distance routière estimée = distance à vol d'oiseau (grand cercle, depuis le point d'étiquette de la commune) × ${String(detourFactor).replace('.', ',')}. ` +
      "Aucun réseau routier n'est encore utilisé : l'écart au trajet réel peut être important en montagne, sur le littoral ou de part et d'autre d'un fleuve.",
  };
}
