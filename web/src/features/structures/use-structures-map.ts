/** The map contribution of the structures: clustered symbols by kind, filtered by kind and protocol. */
import { useMemo } from 'react';
import type { MapContribution } from '../../map/contribution';
import { useStructures, type StructureScope } from './api/list-structures';
import { structuresGeoJson, type StructureFilter } from './structures-geojson';
import { STRUCTURE_ICONS } from './structure-icons';
import { CLUSTER_MAX_ZOOM, structureLayersSized, STRUCTURES_CLUSTERS_ID, STRUCTURES_POINTS_ID, STRUCTURES_SOURCE } from './layers/structure-layers';

/** `sizeByVisits`: emergency sites sized by their yearly visits (SAE). */
export function useStructuresMap(scopes: StructureScope[], show: boolean, filter: StructureFilter, sizeByVisits = false) {
  const query = useStructures(scopes, show);
  const contribution = useMemo<MapContribution>(() => {
    if (!show || !query.data) return { layers: [] };
    return {
      sources: { [STRUCTURES_SOURCE]: { type: 'geojson', data: structuresGeoJson(query.data, filter), cluster: true, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterRadius: 36 } },
      images: STRUCTURE_ICONS,
      layers: structureLayersSized(sizeByVisits),
      clickable: [STRUCTURES_POINTS_ID, STRUCTURES_CLUSTERS_ID],
    };
  }, [show, query.data, filter.kinds?.join(','), filter.only, sizeByVisits]);
  return { query, contribution, pending: show && query.isFetching };
}
