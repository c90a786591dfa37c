/**
 * The CPTS of a territory whose communes the source does not list: no territory can be drawn and
 * they must be said — « 12 CPTS au périmètre non renseigné, dessinées par un point à leur siège »
 * when their seat is known (FINESS), « 3 CPTS sans communes renseignées, non dessinées » otherwise.
 * Read from /api/cpts by département or région (the CPTS's own département when it has no communes).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';
import type { Territory } from '../../../lib/territory';

export const territoryCptsQuery = (t: Territory) =>
  queryOptions({
    queryKey: ['cpts', 'list', t.kind === 'france' ? 'france' : `${t.kind}:${t.code}`],
    queryFn: async () => read(await api.cpts.$get({ query: t.kind === 'departement' ? { departement: t.code } : t.kind === 'region' ? { region: t.code } : {} })),
  });

export function useUnmappedCpts(t: Territory, statuses: readonly string[] | undefined) {
  const q = useQuery(territoryCptsQuery(t));
  const list = q.data && statuses ? q.data.cpts.filter((c) => !c.territoireRenseigne && statuses.includes(c.statut)) : null;
  return list && list.map((c) => ({ id: c.id, nom: c.nom, pointAuSiege: Boolean(c.siege?.position) }));
}
