/** CPTS coverage of a territory at the page's date (`date` of the address): figures (JSON) and layers (GeoJSON), by status filter. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAsOfDate } from '../../../app/as-of-date';
import { api, readJson } from '../../../lib/api-client';
import { readGeoJson } from '../../../lib/read-geojson';

export type CptsStatusFilter = 'all' | 'projet' | 'aci';

const dated = (date: string | null | undefined) => (date ? { date } : {});

export const cptsCoverageQuery = (territory: string, status: CptsStatusFilter, date: string | null = null) =>
  queryOptions({
    queryKey: ['coverage', 'cpts', territory, status, date ?? 'aujourdhui'],
    queryFn: async () => readJson(await api.coverage.cpts.$get({ query: { territory, status, format: 'json', table: 'communes', ...dated(date) } })),
  });

export const cptsCoverageLayersQuery = (territory: string, status: CptsStatusFilter, date: string | null = null) =>
  queryOptions({
    queryKey: ['coverage', 'cpts', territory, status, date ?? 'aujourdhui', 'geojson'],
    queryFn: async () => readGeoJson(await api.coverage.cpts.$get({ query: { territory, status, format: 'geojson', table: 'communes', ...dated(date) } })),
  });

export const useCptsCoverage = (territory: string, status: CptsStatusFilter, enabled = true) =>
  useQuery({ ...cptsCoverageQuery(territory, status, useAsOfDate()), enabled });
export const useCptsCoverageLayers = (territory: string, status: CptsStatusFilter, enabled = true) =>
  useQuery({ ...cptsCoverageLayersQuery(territory, status, useAsOfDate()), enabled });

export type CptsCoverage = Awaited<ReturnType<NonNullable<ReturnType<typeof cptsCoverageQuery>['queryFn']>>>;

/** The address of an export of this endpoint (the browser downloads it). */
export const cptsCoverageExportUrl = (territory: string, status: CptsStatusFilter, format: 'csv' | 'geojson', table: 'communes' | 'cpts' | 'chevauchements' | 'zones-blanches' = 'communes', date: string | null = null) =>
  api.coverage.cpts.$url({ query: { territory, status, format, table, ...dated(date) } }).toString();
