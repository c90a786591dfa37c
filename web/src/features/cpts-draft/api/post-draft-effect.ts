/**
 * The draft's effect on each département it touches, computed by the server with the coverage
 * analysis (POST /cpts/:id/brouillon, `effetDepartements`): before and with the draft, « non
 * renseignée » (`part: null`) where the département's CPTS list is not complete.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useAsOfDate } from '../../../app/as-of-date';
import { api, readJson } from '../../../lib/api-client';

export const draftEffectQuery = (cptsId: string, communes: string[], date: string | null) =>
  queryOptions({
    queryKey: ['cpts', cptsId, 'brouillon', [...communes].sort().join(','), date ?? 'aujourdhui'],
    queryFn: async () => readJson(await api.cpts[':id'].brouillon.$post({ param: { id: cptsId }, json: { communes }, query: { format: 'json' } })),
  });

export const useDraftEffect = (cptsId: string, communes: string[] | null) =>
  useQuery({ ...draftEffectQuery(cptsId, communes ?? [], useAsOfDate()), enabled: communes !== null, placeholderData: keepPreviousData });

export type DraftEffectAnswer = Awaited<ReturnType<NonNullable<ReturnType<typeof draftEffectQuery>['queryFn']>>>;
export type DraftDepartementEffect = DraftEffectAnswer['effetDepartements'][number];
