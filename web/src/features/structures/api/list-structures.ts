/**
 * Structures of the care offer (GeoJSON points with hours, state now, source). One request per
 * département — a région is the union of its départements — or one for all of France.
 */
import { queryOptions, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const structuresQuery = (departement: string | null) =>
  queryOptions({
    queryKey: ['structures', 'list', departement ?? 'france'],
    queryFn: async () => read(await api.structures.$get({ query: departement ? { departement } : {} })),
    staleTime: 5 * 60_000,
  });

export type Structures = Awaited<ReturnType<NonNullable<ReturnType<typeof structuresQuery>['queryFn']>>>;
export type StructureFeature = Structures['features'][number];

/**
 * One function for every call (not a closure): TanStack Query runs it again only when a result
 * changes, so the map gets the same array, and does not redraw its symbols, on other renders.
 */
function combine(results: UseQueryResult<Structures>[]) {
  return {
    isPending: results.some((r) => r.isPending),
    isError: results.some((r) => r.isError),
    error: results.find((r) => r.error)?.error ?? null,
    data: results.every((r) => r.data) ? results.flatMap((r) => r.data!.features) : undefined,
    demo: results.some((r) => r.data?.donneesDemonstration),
  };
}

/** `departements` null: all of France in one request. */
export function useStructures(departements: string[] | null, enabled = true) {
  const keys = departements ?? [null];
  return useQueries({ queries: keys.map((d) => ({ ...structuresQuery(d), enabled })), combine });
}
