/**
 * CPTS coverage of each sub-territory (the départements of a région, the régions of France), for
 * the bar chart: one cached request per sub-territory.
 */
import { useQueries } from '@tanstack/react-query';
import { useAsOfDate } from '../../../app/as-of-date';
import { cptsCoverageQuery, type CptsStatusFilter } from '../../coverage/api/get-cpts-coverage';

export interface SubTerritory {
  code: string;
  nom: string;
  territory: string;
}

export function useSubTerritoryCoverage(subs: SubTerritory[], status: CptsStatusFilter, enabled = true) {
  const date = useAsOfDate();
  return useQueries({
    queries: subs.map((s) => ({ ...cptsCoverageQuery(s.territory, status, date), enabled })),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      rows: subs.map((s, i) => ({ ...s, part: results[i]?.data?.population.part ?? null, population: results[i]?.data?.population.totale ?? null })),
    }),
  });
}
