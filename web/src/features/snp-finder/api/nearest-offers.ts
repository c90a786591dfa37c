/** The nearest SNP offers from a commune, with their state now, and the SAS of its département. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const nearestOffersQuery = (commune: string) =>
  queryOptions({
    queryKey: ['snp', 'nearest', commune],
    queryFn: async () => read(await api.snp.nearest.$get({ query: { commune, limit: '10' } })),
    // « Ouvert maintenant » must stay true: ask again every minute.
    staleTime: 60_000,
    refetchInterval: 60_000,
  });

export const useNearestOffers = (commune: string | null) => useQuery({ ...nearestOffersQuery(commune ?? ''), enabled: Boolean(commune) });

export type NearestOffers = Awaited<ReturnType<NonNullable<ReturnType<typeof nearestOffersQuery>['queryFn']>>>;
export type NearestOffer = NearestOffers['offres'][number];
