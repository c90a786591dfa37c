/**
 * The state of the explore page, all in the address: territory, layers, CPTS status filter,
 * class method of the index, protocol filter, structure types, selected commune.
 */
import { useMemo } from 'react';
import { useSearchParams } from '../../url-state';
import { parseTerritory, type Territory } from '../../../lib/territory';
import { parseLayers, type LayerId } from '../../../features/layers/layer-catalog';
import type { CptsStatusFilter } from '../../../features/coverage/api/get-cpts-coverage';
import type { ClassMethod } from '../../../lib/class-breaks';

export interface ExploreParams {
  territory: Territory;
  layers: Set<LayerId>;
  status: CptsStatusFilter;
  method: ClassMethod;
  protocol: string | null;
  /** Structure kinds shown (null: all). */
  kinds: string[] | null;
  commune: string | null;
  viewport: string | null;
}

const STATUSES: CptsStatusFilter[] = ['all', 'projet', 'aci'];

export function useExploreParams(): ExploreParams {
  const p = useSearchParams();
  // Same address, same object: the map's memoised layers are not rebuilt on unrelated renders.
  return useMemo(() => read(p), [p.toString()]);
}

function read(p: URLSearchParams): ExploreParams {
  const status = p.get('statut') as CptsStatusFilter | null;
  return {
    territory: parseTerritory(p.get('territoire')),
    layers: parseLayers(p.get('couches')),
    status: status && STATUSES.includes(status) ? status : 'all',
    method: p.get('classes') === 'jenks' ? 'jenks' : 'quantiles',
    protocol: p.get('protocole'),
    kinds: p.get('types') ? p.get('types')!.split(',').filter(Boolean) : null,
    commune: p.get('commune'),
    viewport: p.get('carte'),
  };
}
