/** Composes the CPTS page map: land, zones blanches and other CPTS around, the perimeter, the draft, structures. */
import { useMemo } from 'react';
import type { SourceSpecification } from 'maplibre-gl';
import { mergeContributions, type MapContribution } from '../../../map/contribution';
import { MAILLAGE_SOURCE } from '../../../map/base-style';
import { boundaryLayers, communeLabelsLayer, COMMUNES_FILL_ID, landLayers } from '../../../features/boundaries/layers/boundary-layers';
import { useCptsCoverageMap } from '../../../features/coverage/use-cpts-coverage-map';
import { zonesBlanchesLayers } from '../../../features/coverage/layers/cpts-coverage-layers';
import { draftLayers, otherCptsLayers, OTHER_CPTS_ID, PERIMETER_SOURCE, DRAFT_SOURCE, perimeterLayers } from '../../../features/cpts/layers/cpts-page-layers';
import type { CptsDetail } from '../../../features/cpts/api/get-cpts';
import type { useStructuresMap } from '../../../features/structures/use-structures-map';
import type { useCptsDraft } from './use-cpts-draft';

export function useCptsPageMap(detail: CptsDetail | undefined, territory: string, draft: ReturnType<typeof useCptsDraft>, structures: ReturnType<typeof useStructuresMap>) {
  const coverage = useCptsCoverageMap(territory, 'all', { cpts: false, zonesBlanches: true });
  const self = detail?.cpts.id ?? '';
  const around = useMemo<MapContribution>(() => (coverage.below.sources ? { ...coverage.below, layers: [...zonesBlanchesLayers, ...otherCptsLayers(self)], clickable: [OTHER_CPTS_ID] } : { layers: [] }), [coverage.below, self]);

  const perimeter = useMemo<MapContribution>(() => {
    if (!detail?.perimetre) return { layers: [] };
    const sources: Record<string, SourceSpecification> = { [PERIMETER_SOURCE]: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: detail.perimetre } } };
    return { sources, layers: perimeterLayers };
  }, [detail?.perimetre]);

  const draftPart = useMemo<MapContribution>(() => {
    if (!draft.on || !draft.draft || !detail) return { layers: [] };
    const official = new Set(detail.communes.map((c) => c.code));
    const states = new Map<string, Record<string, unknown>>();
    for (const c of draft.draft) states.set(c, { brouillon: official.has(c) ? 1 : 2 });
    for (const c of draft.change.removed) states.set(c, { brouillon: 3 });
    const geometry = draft.changed ? draft.perimeter.data?.geometry : detail.perimetre;
    const sources: Record<string, SourceSpecification> = geometry ? { [DRAFT_SOURCE]: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry } } } : {};
    return {
      sources,
      layers: geometry ? draftLayers : draftLayers.slice(0, 1),
      featureStates: [{ source: MAILLAGE_SOURCE, sourceLayer: 'communes', version: `brouillon:${draft.draft.join(',')}|${draft.change.removed.join(',')}`, states }],
    };
  }, [draft.on, draft.draft, draft.changed, draft.perimeter.data, detail]);

  // The map is not settled while the CPTS, its surroundings, the draft's perimeter or the structures are on their way.
  const pending = coverage.pending || structures.pending || (draft.on && draft.perimeter.isFetching);
  const merged = useMemo(
    () =>
      mergeContributions([
        { layers: landLayers, clickable: [COMMUNES_FILL_ID] },
        around,
        perimeter,
        draftPart,
        { layers: [...boundaryLayers, communeLabelsLayer] },
        structures.contribution,
      ]),
    [around, perimeter, draftPart, structures.contribution],
  );
  return { ...merged, pending };
}
