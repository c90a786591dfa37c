import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../lib/api-client';

export const configQuery = () =>
  queryOptions({
    queryKey: ['config'],
    queryFn: async () => read(await api.config.$get()),
    staleTime: Infinity,
  });

export const useConfig = () => useQuery(configQuery());

export type AppConfig = Awaited<ReturnType<NonNullable<ReturnType<typeof configQuery>['queryFn']>>>;
