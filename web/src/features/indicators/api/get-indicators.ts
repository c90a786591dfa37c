/** Offer indicators of a territory: MSP, CDS, MMG, SU counts and per 10 000 inhabitants; protocols. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, readJson } from '../../../lib/api-client';

export const indicatorsQuery = (territory: string) =>
  queryOptions({
    queryKey: ['indicators', territory],
    queryFn: async () => readJson(await api.indicators.$get({ query: { territory, format: 'json', table: 'offre' } })),
  });

export const useIndicators = (territory: string) => useQuery(indicatorsQuery(territory));

export type Indicators = Awaited<ReturnType<NonNullable<ReturnType<typeof indicatorsQuery>['queryFn']>>>;

export const indicatorsExportUrl = (territory: string, format: 'csv' | 'geojson') => api.indicators.$url({ query: { territory, format } }).toString();
