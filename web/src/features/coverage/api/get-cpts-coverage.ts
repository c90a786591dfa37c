/** CPTS coverage of a territory: figures (JSON) and layers (GeoJSON), by status filter. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, readJson } from '../../../lib/api-client';
import { readGeoJson } from '../../../lib/read-geojson';

export type CptsStatusFilter = 'all' | 'projet' | 'aci';

export const cptsCoverageQuery = (territory: string, status: CptsStatusFilter) =>
  queryOptions({
    queryKey: ['coverage', 'cpts', territory, status],
    queryFn: async () => readJson(await api.coverage.cpts.$get({ query: { territory, status, format: 'json', table: 'communes' } })),
  });

export const cptsCoverageLayersQuery = (territory: string, status: CptsStatusFilter) =>
  queryOptions({
    queryKey: ['coverage', 'cpts', territory, status, 'geojson'],
    queryFn: async () => readGeoJson(await api.coverage.cpts.$get({ query: { territory, status, format: 'geojson', table: 'communes' } })),
  });

export const useCptsCoverage = (territory: string, status: CptsStatusFilter, enabled = true) => useQuery({ ...cptsCoverageQuery(territory, status), enabled });
export const useCptsCoverageLayers = (territory: string, status: CptsStatusFilter, enabled = true) =>
  useQuery({ ...cptsCoverageLayersQuery(territory, status), enabled });

export type CptsCoverage = Awaited<ReturnType<NonNullable<ReturnType<typeof cptsCoverageQuery>['queryFn']>>>;

/** The address of an export of this endpoint (the browser downloads it). */
export const cptsCoverageExportUrl = (territory: string, status: CptsStatusFilter, format: 'csv' | 'geojson', table: 'communes' | 'cpts' | 'chevauchements' | 'zones-blanches' = 'communes') =>
  api.coverage.cpts.$url({ query: { territory, status, format, table } }).toString();
