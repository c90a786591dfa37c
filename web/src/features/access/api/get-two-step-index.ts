/** The 2SFCA accessibility index of SNP offers, per commune and for the territory. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, readJson } from '../../../lib/api-client';

export const twoStepIndexQuery = (territory: string) =>
  queryOptions({
    queryKey: ['access', '2sfca', territory],
    queryFn: async () => readJson(await api.access['2sfca'].$get({ query: { territory, format: 'json' } })),
  });

export const useTwoStepIndex = (territory: string, enabled = true) => useQuery({ ...twoStepIndexQuery(territory), enabled });

export type TwoStepIndex = Awaited<ReturnType<NonNullable<ReturnType<typeof twoStepIndexQuery>['queryFn']>>>;

export const twoStepExportUrl = (territory: string, format: 'csv' | 'geojson') => api.access['2sfca'].$url({ query: { territory, format } }).toString();
