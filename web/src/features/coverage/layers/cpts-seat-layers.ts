/**
 * CPTS without a known perimeter, drawn as a point at their seat: a white disc ringed in the status
 * colour (grey for « non renseigné »), never a filled territory — nothing says which communes they serve.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CPTS_STATUS_COLORS } from './cpts-coverage-layers';

export const CPTS_SEATS_SOURCE = 'cpts-sieges';
export const CPTS_SEATS_ID = 'cpts-sieges-points';

const ringColor: ExpressionSpecification = [
  'match', ['get', 'statut'],
  ...Object.entries(CPTS_STATUS_COLORS).flatMap(([status, color]) => [status, color]),
  '#666666',
] as unknown as ExpressionSpecification;

export const cptsSeatLayers: LayerSpecification[] = [
  {
    id: CPTS_SEATS_ID,
    type: 'circle',
    source: CPTS_SEATS_SOURCE,
    paint: {
      'circle-color': '#ffffff',
      'circle-stroke-color': ringColor,
      'circle-stroke-width': 3,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 4, 10, 7],
    },
  },
];
