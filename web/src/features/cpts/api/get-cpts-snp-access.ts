/** The SNP figures of a CPTS, computed by the server for all its communes (GET /api/cpts/:id/acces-snp). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const cptsSnpAccessQuery = (id: string) =>
  queryOptions({
    queryKey: ['cpts', 'acces-snp', id],
    queryFn: async () => read(await api.cpts[':id']['acces-snp'].$get({ param: { id } })),
  });

export const useCptsSnpAccess = (id: string, enabled = true) => useQuery({ ...cptsSnpAccessQuery(id), enabled });

export type CptsSnpAccess = Awaited<ReturnType<NonNullable<ReturnType<typeof cptsSnpAccessQuery>['queryFn']>>>;
