import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const regionsQuery = () =>
  queryOptions({
    queryKey: ['regions', 'list'],
    queryFn: async () => read(await api.regions.$get()),
    staleTime: Infinity,
  });

export const useRegions = () => useQuery(regionsQuery());

export type RegionSummary = Awaited<ReturnType<NonNullable<ReturnType<typeof regionsQuery>['queryFn']>>>['regions'][number];
