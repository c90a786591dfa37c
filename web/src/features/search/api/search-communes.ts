import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q],
    queryFn: async () => read(await api.search.$get({ query: { q, limit: '8' } })),
  });

export const useSearch = (q: string) =>
  useQuery({ ...searchQuery(q), enabled: q.trim().length >= 2, placeholderData: keepPreviousData });

export type SearchResults = Awaited<ReturnType<NonNullable<ReturnType<typeof searchQuery>['queryFn']>>>;
export type SearchResult = SearchResults['results'][number];
