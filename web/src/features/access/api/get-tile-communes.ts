/** The tile set's commune index (GET /api/tiles/communes?v=…): the order of the compact per-commune states, fetched once per tile set and cached for good. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, readJson } from '../../../lib/api-client';

export const tileCommunesQuery = (tilesVersion: string | undefined) =>
  queryOptions({
    queryKey: ['tiles', 'communes', tilesVersion ?? ''],
    queryFn: async () => {
      const { version, codes } = await readJson(await api.tiles.communes.$get({ query: tilesVersion ? { v: tilesVersion } : {} }));
      return { version, codes: codes === '' ? [] : codes.split(',') };
    },
    staleTime: Infinity,
  });

export const useTileCommunes = (tilesVersion: string | undefined, enabled = true) => useQuery({ ...tileCommunesQuery(tilesVersion), enabled });
