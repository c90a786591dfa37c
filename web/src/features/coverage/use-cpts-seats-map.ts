/** The map contribution of the CPTS without a known perimeter: a point at their seat (cpts-seats-geojson.ts). */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MapContribution } from '../../map/contribution';
import type { Territory } from '../../lib/territory';
import { territoryCptsQuery } from './api/list-unmapped-cpts';
import { cptsSeatsGeoJson } from './cpts-seats-geojson';
import { CPTS_SEATS_ID, CPTS_SEATS_SOURCE, cptsSeatLayers } from './layers/cpts-seat-layers';

/** `statuses`: those of the CPTS layer's filter (null: all); `only`: CPTS ids kept (a protocol's), null: all. */
export function useCptsSeatsMap(t: Territory, show: boolean, statuses: readonly string[] | null, only: Set<string> | null = null) {
  const query = useQuery({ ...territoryCptsQuery(t), enabled: show });
  const statusKey = statuses?.join(',') ?? '';
  const onlyKey = only ? [...only].sort().join(',') : '';
  const contribution = useMemo<MapContribution>(() => {
    if (!show || !query.data) return { layers: [] };
    const data = cptsSeatsGeoJson(query.data.cpts.filter((c) => !only || only.has(c.id)), statuses);
    return { sources: { [CPTS_SEATS_SOURCE]: { type: 'geojson', data } }, layers: cptsSeatLayers, clickable: [CPTS_SEATS_ID] };
  }, [show, query.data, statusKey, onlyKey]);
  return { query, contribution, pending: show && query.isFetching };
}
