/**
 * The nearest SNP offers from a commune or from a point (« me localiser »), optionally only those
 * open now or tonight, with their state now, and the SAS of the origin's département.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export type OpenFilter = 'maintenant' | 'ce-soir';
/** A commune code, or a point `lon,lat` from the browser's geolocation. */
export type SnpOrigin = { commune: string } | { lon: number; lat: number };

const originQuery = (o: SnpOrigin) => ('commune' in o ? { commune: o.commune } : { lon: String(o.lon), lat: String(o.lat) });
const originKey = (o: SnpOrigin) => ('commune' in o ? o.commune : `${o.lon},${o.lat}`);

export const nearestOffersQuery = (origin: SnpOrigin, open: OpenFilter | null) =>
  queryOptions({
    queryKey: ['snp', 'nearest', originKey(origin), open ?? 'toutes'],
    queryFn: async () => read(await api.snp.nearest.$get({ query: { ...originQuery(origin), limit: '10', ...(open ? { ouvert: open } : {}) } })),
    // « Ouvert maintenant » must stay true: ask again every minute.
    staleTime: 60_000,
    refetchInterval: 60_000,
  });

export const useNearestOffers = (origin: SnpOrigin | null, open: OpenFilter | null = null) =>
  useQuery({ ...nearestOffersQuery(origin ?? { commune: '' }, open), enabled: origin !== null });

export type NearestOffers = Awaited<ReturnType<NonNullable<ReturnType<typeof nearestOffersQuery>['queryFn']>>>;
export type NearestOffer = NearestOffers['offres'][number];
