import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

/** Every département of the database (a few hundred rows: one request, filtered in the page). */
export const departementsQuery = () =>
  queryOptions({
    queryKey: ['departements', 'list'],
    queryFn: async () => read(await api.departements.$get({ query: {} })),
    staleTime: Infinity,
  });

export const useDepartements = () => useQuery(departementsQuery());

export type DepartementSummary = Awaited<ReturnType<NonNullable<ReturnType<typeof departementsQuery>['queryFn']>>>['departements'][number];
