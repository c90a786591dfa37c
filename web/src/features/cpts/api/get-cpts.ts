import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

/** One CPTS: its communes, its dissolved perimeter, the CPTS sharing communes with it. */
export const cptsDetailQuery = (id: string) =>
  queryOptions({
    queryKey: ['cpts', 'detail', id],
    queryFn: async () => read(await api.cpts[':id'].$get({ param: { id } })),
  });

export const useCptsDetail = (id: string) => useQuery(cptsDetailQuery(id));

export type CptsDetail = Awaited<ReturnType<NonNullable<ReturnType<typeof cptsDetailQuery>['queryFn']>>>;
