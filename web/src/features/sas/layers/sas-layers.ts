/** Départements coloured by the status of their SAS (joined by code on the tiles' `departements` layer). */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BOUNDARY_SOURCE } from '../../../map/base-style';

export const SAS_STATUS_COLORS: Record<string, string> = {
  opérationnel: '#3f7f8c',
  pilote: '#8ec5cf',
  'en préparation': '#e9c46a',
  aucun: '#bfbfbf',
};
export const SAS_NO_DATA_COLOR = '#f2f2f2';
export const SAS_FILL_ID = 'sas-departements';

export function sasLayers(statusByDepartement: Map<string, string>): LayerSpecification[] {
  const pairs = [...statusByDepartement].filter(([, s]) => s in SAS_STATUS_COLORS).flatMap(([code, s]) => [code, SAS_STATUS_COLORS[s]!]);
  const color: ExpressionSpecification | string = pairs.length > 0 ? (['match', ['get', 'code'], ...pairs, SAS_NO_DATA_COLOR] as unknown as ExpressionSpecification) : SAS_NO_DATA_COLOR;
  const inTerritory = ['in', ['get', 'code'], ['literal', [...statusByDepartement.keys()]]] as ExpressionSpecification;
  return [
    { id: SAS_FILL_ID, type: 'fill', source: BOUNDARY_SOURCE, 'source-layer': 'departements', filter: inTerritory, paint: { 'fill-color': color, 'fill-opacity': 0.55 } },
    { id: 'sas-departements-contour', type: 'line', source: BOUNDARY_SOURCE, 'source-layer': 'departements', filter: inTerritory, paint: { 'line-color': '#3a3a3a', 'line-width': 1.2 } },
  ];
}
