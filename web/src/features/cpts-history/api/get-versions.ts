/** The versions of a CPTS's perimeter and status. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const cptsVersionsQuery = (id: string) =>
  queryOptions({ queryKey: ['cpts', 'versions', id], queryFn: async () => read(await api.cpts[':id'].versions.$get({ param: { id } })) });

export const useCptsVersions = (id: string) => useQuery(cptsVersionsQuery(id));
