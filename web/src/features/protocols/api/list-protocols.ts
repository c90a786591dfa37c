/** Protocoles de coopération, and where one is deployed (structures and CPTS). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const protocolsQuery = () =>
  queryOptions({
    queryKey: ['protocols', 'list'],
    queryFn: async () => read(await api.protocols.$get()),
    staleTime: Infinity,
  });

export const deploymentsQuery = (id: string) =>
  queryOptions({
    queryKey: ['protocols', 'deployments', id],
    queryFn: async () => read(await api.protocols[':id'].deployments.$get({ param: { id } })),
  });

export const useProtocols = () => useQuery(protocolsQuery());
export const useDeployments = (id: string | null) => useQuery({ ...deploymentsQuery(id ?? ''), enabled: Boolean(id) });

export type Deployments = Awaited<ReturnType<NonNullable<ReturnType<typeof deploymentsQuery>['queryFn']>>>;
