/** SAS coverage of a territory at a date (today by default): départements with their SAS status and filières. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAsOfDate } from '../../../app/as-of-date';
import { api, readJson } from '../../../lib/api-client';

export const sasCoverageQuery = (territory: string, date?: string) =>
  queryOptions({
    queryKey: ['coverage', 'sas', territory, date ?? 'aujourdhui'],
    queryFn: async () => readJson(await api.coverage.sas.$get({ query: { territory, format: 'json', ...(date ? { date } : {}) } })),
  });

/** At the page's date (`date` of the address), today by default. */
export const useSasCoverage = (territory: string, enabled = true) => useQuery({ ...sasCoverageQuery(territory, useAsOfDate() ?? undefined), enabled });

export type SasCoverage = Awaited<ReturnType<NonNullable<ReturnType<typeof sasCoverageQuery>['queryFn']>>>;
export type SasDepartement = SasCoverage['departements'][number];

export const sasCoverageExportUrl = (territory: string, format: 'csv' | 'geojson') => api.coverage.sas.$url({ query: { territory, format } }).toString();
