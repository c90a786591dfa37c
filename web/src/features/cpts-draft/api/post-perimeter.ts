/** The dissolved perimeter of a set of communes (area, population), and its exports (CSV of communes, GeoJSON). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, read, readJson } from '../../../lib/api-client';

export const perimeterQuery = (communes: string[]) =>
  queryOptions({
    queryKey: ['perimeter', [...communes].sort().join(',')],
    queryFn: async () => readJson(await api.perimeter.$post({ json: { communes }, query: { format: 'json' } })),
  });

export const usePerimeter = (communes: string[] | null) =>
  useQuery({ ...perimeterQuery(communes ?? []), enabled: communes !== null && communes.length > 0, placeholderData: keepPreviousData });

export type Perimeter = Awaited<ReturnType<NonNullable<ReturnType<typeof perimeterQuery>['queryFn']>>>;

/** The export as a file (the API names it), for a download. */
export async function perimeterExport(communes: string[], format: 'csv' | 'geojson'): Promise<{ blob: Blob; fileName: string }> {
  const res = await api.perimeter.$post({ json: { communes }, query: { format } });
  if (!res.ok) await read(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `perimetre.${format}`;
  return { blob: await res.blob(), fileName };
}

/** The draft as a CSV table under the CPTS's id and name: each commune added, removed or unchanged (POST /cpts/:id/brouillon). */
export async function draftCsvExport(cptsId: string, communes: string[]): Promise<{ blob: Blob; fileName: string }> {
  const res = await api.cpts[':id'].brouillon.$post({ param: { id: cptsId }, json: { communes }, query: { format: 'csv' } });
  if (!res.ok) await read(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'brouillon-perimetre.csv';
  return { blob: await res.blob(), fileName };
}
