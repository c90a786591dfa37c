/**
 * Composes the map of the explore page from the features' contributions, in drawing order:
 * land, density, access classes, SAS, zones blanches, CPTS, boundaries, structures, CPTS seats (those without a
 * known perimeter), commune names, CPTS names.
 */
import { useMemo } from 'react';
import { mergeContributions, type MapContribution } from '../../../map/contribution';
import { mergeStateSets } from '../../../map/feature-states';
import { boundaryLayers, communeLabelsLayer, COMMUNES_FILL_ID, landLayers, selectedCommuneLayers } from '../../../features/boundaries/layers/boundary-layers';
import { densityLayer } from '../../../features/density/layers/density-layers';
import { useCptsCoverageMap } from '../../../features/coverage/use-cpts-coverage-map';
import { useCptsSeatsMap } from '../../../features/coverage/use-cpts-seats-map';
import { useCptsCoverage } from '../../../features/coverage/api/get-cpts-coverage';
import { useAccessMap } from '../../../features/access/use-access-map';
import { useConfig } from '../../api/get-config';
import { useSasCoverage } from '../../../features/sas/api/get-sas-coverage';
import { sasLayers, SAS_FILL_ID } from '../../../features/sas/layers/sas-layers';
import { formatTerritory } from '../../../lib/territory';
import { useStructuresMap } from '../../../features/structures/use-structures-map';
import type { StructureScope } from '../../../features/structures/api/list-structures';
import { useProtocolFilter } from '../../../features/protocols/use-protocol-filter';
import { useSizeByVisits } from '../../../features/structures/components/VisitsSizeToggle';
import { useOfficialMap } from '../../../features/official/use-official-map';
import type { ExploreParams } from './explore-params';

/** The structures of the territory shown, filtered by the server. */
function structureScope(t: ExploreParams['territory']): StructureScope {
  return t.kind === 'departement' ? { departement: t.code } : t.kind === 'region' ? { region: t.code } : {};
}

export function useExploreMap(p: ExploreParams) {
  const territory = formatTerritory(p.territory);
  const on = (id: Parameters<typeof p.layers.has>[0]) => p.layers.has(id);
  const protocol = useProtocolFilter(p.protocol);
  const coverage = useCptsCoverageMap(territory, p.status, { cpts: on('cpts'), zonesBlanches: on('zones-blanches') }, protocol.cpts);
  // The status filter as the server reads it (statutsRetenus): the same query as the CPTS legend's.
  const figures = useCptsCoverage(territory, p.status, on('cpts'));
  const seats = useCptsSeatsMap(p.territory, on('cpts') && Boolean(figures.data), figures.data?.statutsRetenus ?? null, protocol.cpts);
  const structures = useStructuresMap([structureScope(p.territory)], on('structures'), { kinds: p.kinds, only: protocol.structures }, useSizeByVisits());
  const config = useConfig();
  const access = useAccessMap(territory, { distance: on('acces'), index: on('indice') }, p.method, config.data?.tuiles);
  const sas = useSasCoverage(territory, on('sas'));
  const official = useOfficialMap(on('officiel'));
  const showDensity = on('densite');
  const sasPart = useMemo<MapContribution>(() => {
    if (!on('sas') || !sas.data) return { layers: [] };
    return { layers: sasLayers(new Map(sas.data.departements.map((d) => [d.code, d.statut]))), clickable: [SAS_FILL_ID] };
  }, [sas.data, p.layers]);

  const merged = useMemo(() => {
    const m = mergeContributions([
      { layers: landLayers, clickable: [COMMUNES_FILL_ID] },
      { layers: showDensity ? [densityLayer] : [] },
      official.contribution,
      access.twoStep,
      access.distance,
      sasPart,
      coverage.below,
      { layers: boundaryLayers },
      { layers: selectedCommuneLayers(p.commune) },
      structures.contribution,
      seats.contribution,
      { layers: [communeLabelsLayer] },
      // CPTS names above the commune names: placed first, so never dropped for them.
      coverage.labels,
    ]);
    // Topmost first: MapLibre answers clicks for the first clickable layer under the pointer.
    return { ...m, featureStates: mergeStateSets(m.featureStates), clickable: [...m.clickable].reverse() };
  }, [showDensity, official.contribution, access.twoStep, access.distance, sasPart, coverage.below, coverage.labels, structures.contribution, seats.contribution, p.commune]);

  // The map is not settled while any of its data is on its way (MapView `pending`).
  const pending = coverage.pending || structures.pending || seats.pending || access.pending || sas.isFetching || official.pending || protocol.pending;
  return { merged, coverage, seats, access, sas, structures, protocol, official, pending };
}
