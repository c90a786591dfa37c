/** The audit log the user may read (ARS delegates: their territory; administrators: all) and its CSV address. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const auditQuery = () =>
  queryOptions({ queryKey: ['journal'], queryFn: async () => read(await api.journal.$get({ query: {} })) });

export const useAudit = (enabled: boolean) => useQuery({ ...auditQuery(), enabled });

export const auditCsvUrl = () => api.journal.$url({ query: { format: 'csv' } }).toString();
