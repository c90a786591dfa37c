import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

/** Communes of a perimeter and along its border, each with the CPTS that list it. */
export const neighbourhoodQuery = (communes: string[]) =>
  queryOptions({
    queryKey: ['neighbourhood', [...communes].sort().join(',')],
    queryFn: async () => read(await api.neighbourhood.$post({ json: { communes } })),
  });

export const useNeighbourhood = (communes: string[] | null) =>
  useQuery({ ...neighbourhoodQuery(communes ?? []), enabled: communes !== null, placeholderData: keepPreviousData });

export type Neighbourhood = Awaited<ReturnType<NonNullable<ReturnType<typeof neighbourhoodQuery>['queryFn']>>>;
export type CommuneMembership = Neighbourhood['membres'][number];
