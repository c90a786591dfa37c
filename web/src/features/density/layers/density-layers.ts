/**
 * Population density choropleth (inhabitants per km²) of the communes: population municipale of
 * the COG list over the area of the commune polygon. Classes follow the usual French thresholds
 * between rural and urban densities (INSEE grille communale de densité uses 25 / 300 / 1 500).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { MAILLAGE_SOURCE } from '../../../map/base-style';

export interface DensityClass {
  label: string;
  /** Upper bound (exclusive); null for the last class. */
  max: number | null;
  color: string;
}

export const DENSITY_CLASSES: DensityClass[] = [
  { label: 'moins de 25', max: 25, color: '#fff7bc' },
  { label: '25 à 50', max: 50, color: '#fee391' },
  { label: '50 à 100', max: 100, color: '#fec44f' },
  { label: '100 à 300', max: 300, color: '#fe9929' },
  { label: '300 à 1 500', max: 1500, color: '#ec7014' },
  { label: '1 500 à 5 000', max: 5000, color: '#cc4c02' },
  { label: '5 000 et plus', max: null, color: '#8c2d04' },
];

export const DENSITY_LAYER_ID = 'communes-densite';
export const NO_DATA_COLOR = '#d9d9d9';

const colorExpression: ExpressionSpecification = [
  'case',
  ['==', ['get', 'densite'], null],
  NO_DATA_COLOR,
  [
    'step',
    ['get', 'densite'],
    DENSITY_CLASSES[0]!.color,
    ...DENSITY_CLASSES.slice(1).flatMap((c, i) => [DENSITY_CLASSES[i]!.max!, c.color]),
  ] as unknown as ExpressionSpecification,
];

export const densityLayer: LayerSpecification = {
  id: DENSITY_LAYER_ID,
  type: 'fill',
  source: MAILLAGE_SOURCE,
  'source-layer': 'communes',
  paint: { 'fill-color': colorExpression, 'fill-opacity': 0.85 },
};
