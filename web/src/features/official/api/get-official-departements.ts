/** One official indicator for every département at a date (the choropleth), with the dates its series offers. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, readJson } from '../../../lib/api-client';

export type OfficialMapIndicator = 'IND-589' | 'IND-587';

export const officialDepartementsQuery = (indicator: OfficialMapIndicator, date: string | null) =>
  queryOptions({
    queryKey: ['officiel', 'departements', indicator, date ?? 'aujourdhui'],
    queryFn: async () => readJson(await api['indicateurs-officiels'].departements.$get({ query: { indicator, ...(date ? { date } : {}) } })),
    staleTime: Infinity,
  });

export const useOfficialDepartements = (indicator: OfficialMapIndicator, date: string | null, enabled = true) =>
  useQuery({ ...officialDepartementsQuery(indicator, date), enabled });

export type OfficialDepartements = Awaited<ReturnType<NonNullable<ReturnType<typeof officialDepartementsQuery>['queryFn']>>>;
