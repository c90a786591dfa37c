import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

/** The datasets of the database with producer, licence and millésime. */
export const sourcesQuery = () =>
  queryOptions({
    queryKey: ['sources'],
    queryFn: async () => read(await api.sources.$get()),
    staleTime: Infinity,
  });

export const useSources = () => useQuery(sourcesQuery());
