/**
 * The map contribution of the official choropleth: the indicator (`officiel=cpts|sas` in the
 * address, CPTS by default) at its own date (`date_officiel`, else the page's date).
 */
import { useMemo } from 'react';
import type { MapContribution } from '../../map/contribution';
import { useParam } from '../../app/url-state';
import { useAsOfDate } from '../../app/as-of-date';
import { useOfficialDepartements, type OfficialMapIndicator } from './api/get-official-departements';
import { officialLayers } from './layers/official-layers';

export function useOfficialMap(show: boolean) {
  const [which] = useParam('officiel');
  const [own] = useParam('date_officiel');
  const pageDate = useAsOfDate();
  const indicator: OfficialMapIndicator = which === 'sas' ? 'IND-587' : 'IND-589';
  const date = own && /^\d{4}-\d{2}-\d{2}$/.test(own) ? own : pageDate;
  const query = useOfficialDepartements(indicator, date, show);
  const contribution = useMemo<MapContribution>(() => {
    if (!show || !query.data) return { layers: [] };
    return { layers: officialLayers(query.data.departements) };
  }, [show, query.data]);
  return { query, contribution, indicator, date, pending: query.isFetching };
}
