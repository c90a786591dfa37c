import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const communeQuery = (code: string) =>
  queryOptions({
    queryKey: ['communes', 'detail', code],
    queryFn: async () => read(await api.communes[':code'].$get({ param: { code }, query: {} })),
  });

export const useCommune = (code: string | null) => useQuery({ ...communeQuery(code ?? ''), enabled: Boolean(code) });
