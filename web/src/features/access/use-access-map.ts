/** Map contributions of the SNP access layers: distance bands and 2SFCA classes, joined by commune code. */
import { useMemo } from 'react';
import type { MapContribution } from '../../map/contribution';
import { MAILLAGE_SOURCE } from '../../map/base-style';
import type { ClassMethod } from '../../lib/class-breaks';
import { useSnpAccessStates } from './api/get-snp-access-states';
import { useTileCommunes } from './api/get-tile-communes';
import { useTwoStepStates } from './api/get-two-step-index';
import { compactBandStates, compactIndexRows, indexClasses } from './commune-states';
import { accessLayer, indexLayer } from './layers/access-layers';

/** `tilesVersion`: the tile set's version (GET /api/config → tuiles), whose commune index orders the bands. */
export function useAccessMap(territory: string, show: { distance: boolean; index: boolean }, method: ClassMethod, tilesVersion: string | undefined) {
  const access = useSnpAccessStates(territory, show.distance);
  // The order the bands come in: fetched once per tile set, only when the distance layer is shown.
  const communes = useTileCommunes(tilesVersion, show.distance && tilesVersion !== undefined);
  const index = useTwoStepStates(territory, show.index);

  const distance = useMemo<MapContribution>(() => {
    if (!show.distance || !access.data || !communes.data) return { layers: [] };
    if (communes.data.version !== access.data.bandesParCommune.index) return { layers: [] }; // another tile set: wait for its index
    const states = compactBandStates(access.data.bandesParCommune, access.data.bandes.map((b) => b.bande), communes.data.codes);
    return {
      layers: [accessLayer],
      featureStates: [{ source: MAILLAGE_SOURCE, sourceLayer: 'communes', version: `bande:${territory}:${access.data.versionDonnees}`, states }],
    };
  }, [show.distance, access.data, communes.data, territory]);

  const rows = useMemo(() => (index.data ? compactIndexRows(index.data.indicesParCommune) : null), [index.data]);
  const classes = useMemo(() => (rows ? { ...indexClasses(rows, method), max: Math.max(0, ...rows.map((r) => r.indice)) } : null), [rows, method]);
  const twoStep = useMemo<MapContribution>(() => {
    if (!show.index || !classes || !index.data) return { layers: [] };
    return {
      layers: [indexLayer],
      featureStates: [{ source: MAILLAGE_SOURCE, sourceLayer: 'communes', version: `2sfca:${territory}:${method}:${index.data.versionDonnees}`, states: classes.states }],
    };
  }, [show.index, classes, index.data, territory, method]);

  return { access, index, breaks: classes?.breaks ?? [], maxIndex: classes?.max ?? 0, distance, twoStep, pending: access.isFetching || index.isFetching || communes.isFetching };
}
