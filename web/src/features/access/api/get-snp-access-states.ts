/** The SNP access figures with each commune's band in compact form: what the map and the indicators need. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, readJson } from '../../../lib/api-client';

export const snpAccessStatesQuery = (territory: string) =>
  queryOptions({
    queryKey: ['access', 'snp', 'etats', territory],
    queryFn: async () => readJson(await api.access.snp.etats.$get({ query: { territory } })),
  });

export const useSnpAccessStates = (territory: string, enabled = true) => useQuery({ ...snpAccessStatesQuery(territory), enabled });

export type SnpAccessStates = Awaited<ReturnType<NonNullable<ReturnType<typeof snpAccessStatesQuery>['queryFn']>>>;
