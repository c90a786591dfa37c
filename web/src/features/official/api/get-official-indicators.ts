/** Official reference indicators of a territory at the page's date (baromètre de l'action publique). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAsOfDate } from '../../../app/as-of-date';
import { api, readJson } from '../../../lib/api-client';

export const officialIndicatorsQuery = (territory: string, date: string | null) =>
  queryOptions({
    queryKey: ['officiel', territory, date ?? 'aujourdhui'],
    queryFn: async () => readJson(await api['indicateurs-officiels'].$get({ query: { territory, ...(date ? { date } : {}) } })),
    staleTime: Infinity,
  });

export const useOfficialIndicators = (territory: string, enabled = true) => useQuery({ ...officialIndicatorsQuery(territory, useAsOfDate()), enabled });

export type OfficialIndicators = Awaited<ReturnType<NonNullable<ReturnType<typeof officialIndicatorsQuery>['queryFn']>>>;
export type OfficialIndicator = OfficialIndicators['indicateurs'][number];
