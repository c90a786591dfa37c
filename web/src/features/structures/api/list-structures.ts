/**
 * Structures of the care offer (GeoJSON points with hours, state now, source), for one scope:
 * a département, a région, or all of France (`{}`). The server filters, kinds included: the map
 * draws the MSP, centres de santé, MMG and emergency sites (SHOWN_KINDS), not the hospitals and CPTS
 * seats a national FINESS extraction also holds (CPTS are drawn from /api/cpts). Several scopes (a
 * CPTS across départements) are one request each.
 */
import { queryOptions, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';
import { SHOWN_KINDS } from '../layers/structure-layers';

export type StructureScope = { departement: string } | { region: string } | Record<string, never>;

const scopeKey = (scope: StructureScope) =>
  'departement' in scope ? `departement:${scope.departement}` : 'region' in scope ? `region:${scope.region}` : 'france';

export const structuresQuery = (scope: StructureScope) =>
  queryOptions({
    queryKey: ['structures', 'list', scopeKey(scope)],
    queryFn: async () => read(await api.structures.$get({ query: { ...scope, kind: SHOWN_KINDS.join(',') } })),
    staleTime: 5 * 60_000,
  });

export type Structures = Awaited<ReturnType<NonNullable<ReturnType<typeof structuresQuery>['queryFn']>>>;
export type StructureFeature = Structures['features'][number];
/** Which lists are complete, at which date, in the scope (MSP and centres de santé, MMG, SNP offers). */
export type StructureListsCompleteness = Structures['completude'];

/**
 * One function for every call (not a closure): TanStack Query runs it again only when a result
 * changes, so the map gets the same array, and does not redraw its symbols, on other renders.
 */
function combine(results: UseQueryResult<Structures>[]) {
  return {
    isPending: results.some((r) => r.isPending),
    isFetching: results.some((r) => r.isFetching),
    isError: results.some((r) => r.isError),
    error: results.find((r) => r.error)?.error ?? null,
    data: results.every((r) => r.data) ? results.flatMap((r) => r.data!.features) : undefined,
    demo: results.some((r) => r.data?.donneesDemonstration),
    completude: results.every((r) => r.data) ? results.map((r) => r.data!.completude) : undefined,
  };
}

export function useStructures(scopes: StructureScope[], enabled = true) {
  return useQueries({ queries: scopes.map((s) => ({ ...structuresQuery(s), enabled })), combine });
}
