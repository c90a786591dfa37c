/** The 2SFCA accessibility index of SNP offers, per commune and for the territory. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, readJson } from '../../../lib/api-client';

export const twoStepIndexQuery = (territory: string) =>
  queryOptions({
    queryKey: ['access', '2sfca', territory],
    queryFn: async () => readJson(await api.access['2sfca'].$get({ query: { territory, format: 'json' } })),
  });

export const useTwoStepIndex = (territory: string, enabled = true) => useQuery({ ...twoStepIndexQuery(territory), enabled });

/** The same figures with each commune's index compact (`/access/2sfca/etats`): what the map and its legend need. */
export const twoStepStatesQuery = (territory: string) =>
  queryOptions({
    queryKey: ['access', '2sfca', territory, 'etats'],
    queryFn: async () => readJson(await api.access['2sfca'].etats.$get({ query: { territory } })),
  });

export const useTwoStepStates = (territory: string, enabled = true) => useQuery({ ...twoStepStatesQuery(territory), enabled });

export type TwoStepStates = Awaited<ReturnType<NonNullable<ReturnType<typeof twoStepStatesQuery>['queryFn']>>>;

export type TwoStepIndex = Awaited<ReturnType<NonNullable<ReturnType<typeof twoStepIndexQuery>['queryFn']>>>;

export const twoStepExportUrl = (territory: string, format: 'csv' | 'geojson') => api.access['2sfca'].$url({ query: { territory, format } }).toString();
