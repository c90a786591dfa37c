/** The map contribution of the CPTS coverage: territories by status, zones blanches and overlaps. */
import { useMemo } from 'react';
import type { MapContribution } from '../../map/contribution';
import { hatchPattern } from '../../lib/hatch-pattern';
import { useCptsCoverage, useCptsCoverageLayers, type CptsStatusFilter } from './api/get-cpts-coverage';
import { MAILLAGE_SOURCE } from '../../map/base-style';
import {
  COVERAGE_SOURCE, CPTS_FILL_ID, cptsLabelLayer, cptsLayers, OVERLAP_COLOR, PARTIAL_STATE, partialCommunesLayers, OVERLAP_PATTERN, ZONE_BLANCHE_COLOR, ZONE_BLANCHE_PATTERN, zonesBlanchesLayers,
} from './layers/cpts-coverage-layers';

export const COVERAGE_IMAGES = {
  [ZONE_BLANCHE_PATTERN]: hatchPattern({ color: ZONE_BLANCHE_COLOR, size: 8, thickness: 2 }),
  [OVERLAP_PATTERN]: hatchPattern({ color: OVERLAP_COLOR, size: 8, thickness: 1.5, kind: 'cross' }),
};

export function useCptsCoverageMap(territory: string, status: CptsStatusFilter, show: { cpts: boolean; zonesBlanches: boolean }, only: Set<string> | null = null) {
  const onlyList = only ? [...only].sort() : null;
  const onlyKey = onlyList?.join(',') ?? '';
  const query = useCptsCoverageLayers(territory, status, show.cpts || show.zonesBlanches);
  const figures = useCptsCoverage(territory, status, show.cpts);
  const below = useMemo<MapContribution>(() => {
    if (!query.data) return { layers: [] };
    const partial = show.cpts && !only ? figures.data?.partielles ?? [] : [];
    return {
      sources: { [COVERAGE_SOURCE]: { type: 'geojson', data: query.data as GeoJSON.FeatureCollection } },
      images: COVERAGE_IMAGES,
      layers: [...(show.zonesBlanches ? zonesBlanchesLayers : []), ...(show.cpts ? [...cptsLayers(onlyList), ...partialCommunesLayers] : [])],
      clickable: show.cpts ? [CPTS_FILL_ID] : [],
      featureStates: partial.length > 0
        ? [{ source: MAILLAGE_SOURCE, sourceLayer: 'communes', version: `partielles:${territory}:${status}:${figures.data!.versionDonnees}`, states: new Map(partial.map((c) => [c.code, { [PARTIAL_STATE]: 1 }])) }]
        : [],
    };
  }, [query.data, figures.data, show.cpts, show.zonesBlanches, onlyKey]);
  const labels = useMemo<MapContribution>(() => ({ layers: query.data && show.cpts ? [cptsLabelLayer(onlyList)] : [] }), [query.data, show.cpts, onlyKey]);
  // The map waits for the layers' data and, when partial communes are drawn, for the figures.
  const pending = query.isFetching || (show.cpts && figures.isFetching);
  return { query, below, labels, pending };
}
