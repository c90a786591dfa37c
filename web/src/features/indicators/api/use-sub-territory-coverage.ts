/**
 * CPTS coverage of each sub-territory (the départements of a région, the régions of France), for
 * the bar chart: one request for all of them (`/coverage/cpts/sous-territoires`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAsOfDate } from '../../../app/as-of-date';
import { api, readJson } from '../../../lib/api-client';
import type { CptsStatusFilter } from '../../coverage/api/get-cpts-coverage';

export interface SubTerritory {
  code: string;
  nom: string;
  territory: string;
}

export const subTerritoryCoverageQuery = (territory: string, status: CptsStatusFilter, date: string | null = null) =>
  queryOptions({
    queryKey: ['coverage', 'cpts', territory, status, date ?? 'aujourdhui', 'sous-territoires'],
    queryFn: async () => readJson(await api.coverage.cpts['sous-territoires'].$get({ query: { territory, status, ...(date ? { date } : {}) } })),
  });

export function useSubTerritoryCoverage(territory: string, subs: SubTerritory[], status: CptsStatusFilter, enabled = true) {
  const query = useQuery({ ...subTerritoryCoverageQuery(territory, status, useAsOfDate()), enabled: enabled && subs.length > 1 });
  const byTerritory = new Map((query.data?.sousTerritoires ?? []).map((r) => [r.territoire, r]));
  return {
    isPending: query.isPending,
    error: query.error,
    rows: subs.map((s) => ({ ...s, part: byTerritory.get(s.territory)?.part ?? null, population: byTerritory.get(s.territory)?.population ?? null })),
  };
}
