/** The map contribution of the CPTS coverage (its compact map answer): territories by status, zones blanches, overlaps, « non renseigné », communes covered in part. */
import { useMemo } from 'react';
import type { MapContribution } from '../../map/contribution';
import { hatchPattern } from '../../lib/hatch-pattern';
import { useCptsCoverageMapData, type CptsStatusFilter } from './api/get-cpts-coverage';
import {
  COVERAGE_SOURCE, CPTS_FILL_ID, cptsLabelLayer, cptsLayers, notKnownDepartementsLayer, OVERLAP_COLOR, partialCommunesLayers, OVERLAP_PATTERN, ZONE_BLANCHE_COLOR, ZONE_BLANCHE_PATTERN, zonesBlanchesHatchLayer, zonesBlanchesLayers,
} from './layers/cpts-coverage-layers';

export const COVERAGE_IMAGES = {
  [ZONE_BLANCHE_PATTERN]: hatchPattern({ color: ZONE_BLANCHE_COLOR, size: 8, thickness: 2 }),
  [OVERLAP_PATTERN]: hatchPattern({ color: OVERLAP_COLOR, size: 8, thickness: 1.5, kind: 'cross' }),
};

export function useCptsCoverageMap(territory: string, status: CptsStatusFilter, show: { cpts: boolean; zonesBlanches: boolean }, only: Set<string> | null = null) {
  const onlyList = only ? [...only].sort() : null;
  const onlyKey = onlyList?.join(',') ?? '';
  const query = useCptsCoverageMapData(territory, status, show.cpts || show.zonesBlanches);
  const below = useMemo<MapContribution>(() => {
    if (!query.data) return { layers: [] };
    // With the CPTS layer alone, the zones blanches of the départements declared complete are hatched all the same.
    const notKnown = show.zonesBlanches ? [notKnownDepartementsLayer(query.data.departementsNonRenseignes), ...zonesBlanchesLayers] : show.cpts ? [zonesBlanchesHatchLayer] : [];
    return {
      sources: { [COVERAGE_SOURCE]: { type: 'geojson', data: query.data.couches as GeoJSON.FeatureCollection } },
      images: COVERAGE_IMAGES,
      layers: [...notKnown, ...(show.cpts ? [...cptsLayers(onlyList), ...(only ? [] : partialCommunesLayers)] : [])],
      clickable: show.cpts ? [CPTS_FILL_ID] : [],
    };
  }, [query.data, show.cpts, show.zonesBlanches, onlyKey]);
  const labels = useMemo<MapContribution>(() => ({ layers: query.data && show.cpts ? [cptsLabelLayer(onlyList)] : [] }), [query.data, show.cpts, onlyKey]);
  // The map waits for its data (the communes covered in part come with it).
  const pending = query.isFetching;
  // The legend reads the drawn layers (CPTS by status).
  const layers = { isPending: query.isPending, isError: query.isError, error: query.error, data: query.data?.couches as GeoJSON.FeatureCollection<GeoJSON.Geometry | null, Record<string, unknown>> | undefined };
  return { query: layers, below, labels, pending };
}
