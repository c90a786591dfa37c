/** The legend of each layer of the explore page, built from the same queries as the map. */
import type { ReactNode } from 'react';
import { patchParams } from '../../url-state';
import type { LayerId } from '../../../features/layers/layer-catalog';
import { CptsLegend } from '../../../features/coverage/components/CptsLegend';
import { ZonesBlanchesLegend } from '../../../features/coverage/components/ZonesBlanchesLegend';
import { useCptsCoverage } from '../../../features/coverage/api/get-cpts-coverage';
import { useUnmappedCpts } from '../../../features/coverage/api/list-unmapped-cpts';
import { SasLegend } from '../../../features/sas/components/SasLegend';
import { AccessLegend } from '../../../features/access/components/AccessLegend';
import { IndexLegend } from '../../../features/access/components/IndexLegend';
import { StructuresLegend } from '../../../features/structures/components/StructuresLegend';
import { DensityLegend } from '../../../features/density/components/DensityLegend';
import { VisitsSizeToggle } from '../../../features/structures/components/VisitsSizeToggle';
import { OfficialLegend } from '../../../features/official/components/OfficialLegend';
import { formatTerritory } from '../../../lib/territory';
import type { ExploreParams } from './explore-params';
import type { useExploreMap } from './use-explore-map';

export interface ExploreLegendsProps {
  p: ExploreParams;
  map: ReturnType<typeof useExploreMap>;
  millesime: number;
}

/** The legends, one per layer (a hook: it reads the coverage figures). */
export function useExploreLegends({ p, map, millesime }: ExploreLegendsProps): Partial<Record<LayerId, ReactNode>> {
  const figures = useCptsCoverage(formatTerritory(p.territory), p.status, p.layers.has('zones-blanches') || p.layers.has('cpts'));
  const unmapped = useUnmappedCpts(p.territory, figures.data?.statutsRetenus);
  return {
    cpts: (
      <CptsLegend
        query={map.coverage.query}
        status={p.status}
        onStatus={(s) => patchParams({ statut: s === 'all' ? null : s })}
        millesime={millesime}
        partial={figures.data?.partielles}
        unmapped={unmapped}
      />
    ),
    'zones-blanches': <ZonesBlanchesLegend query={figures} millesime={millesime} />,
    sas: <SasLegend query={map.sas} />,
    acces: <AccessLegend query={map.access.access} />,
    indice: <IndexLegend query={map.access.index} breaks={map.access.breaks} max={map.access.maxIndex} method={p.method} onMethod={(m) => patchParams({ classes: m === 'jenks' ? 'jenks' : null })} />,
    densite: <DensityLegend millesime={millesime} />,
    officiel: <OfficialLegend query={map.official.query} indicator={map.official.indicator} />,
    structures: <>{
      <StructuresLegend query={map.structures.query} kinds={p.kinds} onKinds={(k) => patchParams({ types: k ? k.join(',') : null })} only={map.protocol.structures} />
    }<VisitsSizeToggle /></>,
  };
}
