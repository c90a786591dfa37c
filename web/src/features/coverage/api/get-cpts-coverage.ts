/** CPTS coverage of a territory at the page's date (`date` of the address): figures (JSON) and what the map draws (compact), by status filter. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAsOfDate } from '../../../app/as-of-date';
import { api, readJson } from '../../../lib/api-client';

export type CptsStatusFilter = 'all' | 'projet' | 'aci';

const dated = (date: string | null | undefined) => (date ? { date } : {});

export const cptsCoverageQuery = (territory: string, status: CptsStatusFilter, date: string | null = null) =>
  queryOptions({
    queryKey: ['coverage', 'cpts', territory, status, date ?? 'aujourdhui'],
    queryFn: async () => readJson(await api.coverage.cpts.$get({ query: { territory, status, format: 'json', table: 'communes', ...dated(date) } })),
  });

/** What the map draws (compact: whole « non renseigné » départements by code; lists and exports keep the full detail). */
export const cptsCoverageMapQuery = (territory: string, status: CptsStatusFilter, date: string | null = null) =>
  queryOptions({
    queryKey: ['coverage', 'cpts', territory, status, date ?? 'aujourdhui', 'carte'],
    queryFn: async () => readJson(await api.coverage.cpts.carte.$get({ query: { territory, status, ...dated(date) } })),
  });

export const useCptsCoverage = (territory: string, status: CptsStatusFilter, enabled = true) =>
  useQuery({ ...cptsCoverageQuery(territory, status, useAsOfDate()), enabled });
export const useCptsCoverageMapData = (territory: string, status: CptsStatusFilter, enabled = true) =>
  useQuery({ ...cptsCoverageMapQuery(territory, status, useAsOfDate()), enabled });

export type CptsCoverage = Awaited<ReturnType<NonNullable<ReturnType<typeof cptsCoverageQuery>['queryFn']>>>;

/** The address of an export of this endpoint (the browser downloads it). */
export const cptsCoverageExportUrl = (territory: string, status: CptsStatusFilter, format: 'csv' | 'geojson', table: 'communes' | 'cpts' | 'chevauchements' | 'partagees' | 'zones-blanches' = 'communes', date: string | null = null) =>
  api.coverage.cpts.$url({ query: { territory, status, format, table, ...dated(date) } }).toString();
