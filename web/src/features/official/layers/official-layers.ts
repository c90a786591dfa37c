/**
 * Départements coloured by an official coverage indicator (CPTS or SAS, % of the population, from
 * the baromètre de l'action publique), joined by code on the tiles' `departements` layer. Classes
 * in DSFR blues; a département without a published value stays in the neutral « non publié » grey.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BOUNDARY_SOURCE } from '../../../map/base-style';
import { NOT_KNOWN_COLOR } from '../../../lib/not-known';

/** Upper bounds (%) of the classes; the last class is exactly 100 %. */
export const OFFICIAL_BREAKS = [25, 50, 75, 90, 99.99];
export const OFFICIAL_COLORS = ['#f5f5fe', '#cacafb', '#8585f6', '#313178', '#000091', '#18753c'];
export const OFFICIAL_FILL_ID = 'officiel-departements';

export const classOfValue = (v: number) => {
  const i = OFFICIAL_BREAKS.findIndex((b) => v <= b);
  return i === -1 ? OFFICIAL_BREAKS.length : i;
};

export function officialLayers(values: { code: string; valeur: number }[]): LayerSpecification[] {
  const pairs = values.flatMap((d) => [d.code, OFFICIAL_COLORS[classOfValue(d.valeur)]!]);
  const color = (pairs.length > 0 ? ['match', ['get', 'code'], ...pairs, NOT_KNOWN_COLOR] : NOT_KNOWN_COLOR) as ExpressionSpecification | string;
  return [
    { id: OFFICIAL_FILL_ID, type: 'fill', source: BOUNDARY_SOURCE, 'source-layer': 'departements', paint: { 'fill-color': color, 'fill-opacity': 0.7 } },
    { id: 'officiel-departements-contour', type: 'line', source: BOUNDARY_SOURCE, 'source-layer': 'departements', paint: { 'line-color': '#3a3a3a', 'line-width': 0.8 } },
  ];
}
