import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

/** Every CPTS with status, declared and computed population, communes, source. */
export const cptsListQuery = () =>
  queryOptions({
    queryKey: ['cpts', 'list'],
    queryFn: async () => read(await api.cpts.$get({ query: {} })),
  });

export const useCptsList = () => useQuery(cptsListQuery());

export type CptsList = Awaited<ReturnType<NonNullable<ReturnType<typeof cptsListQuery>['queryFn']>>>;
export type CptsItem = CptsList['cpts'][number];
