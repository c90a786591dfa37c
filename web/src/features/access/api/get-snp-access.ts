/** Distance from each commune to the nearest SNP offer (estimated road km), by band. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, readJson } from '../../../lib/api-client';

export const snpAccessQuery = (territory: string) =>
  queryOptions({
    queryKey: ['access', 'snp', territory],
    queryFn: async () => readJson(await api.access.snp.$get({ query: { territory, format: 'json' } })),
  });

export const useSnpAccess = (territory: string, enabled = true) => useQuery({ ...snpAccessQuery(territory), enabled });

export type SnpAccess = Awaited<ReturnType<NonNullable<ReturnType<typeof snpAccessQuery>['queryFn']>>>;

export const snpAccessExportUrl = (territory: string, format: 'csv' | 'geojson', table: 'communes' | 'su-sans-mmg' | 'au-dela-du-seuil' = 'communes') =>
  api.access.snp.$url({ query: { territory, format, ...(table === 'communes' ? {} : { table }) } }).toString();
