/** Administrative boundaries from our own tiles: commune, département and région lines, labels. */
import type { LayerSpecification } from 'maplibre-gl';
import { BOUNDARY_SOURCE, MAILLAGE_SOURCE } from '../../../map/base-style';

export const COMMUNES_FILL_ID = 'communes-fond';
export const LAND_COLOR = '#f6f6f2';
/** Below this zoom the land is drawn from the départements: the commune polygons of a France-wide tile are the heaviest thing to draw, and a commune is a few pixels wide there. */
export const COMMUNE_FILL_MIN_ZOOM = 7;

/** A neutral land fill, under the thematic layers, so the offline map is readable without them; communes answer clicks from zoom 7. */
export const landLayers: LayerSpecification[] = [
  { id: 'terres', type: 'fill', source: BOUNDARY_SOURCE, 'source-layer': 'departements', maxzoom: COMMUNE_FILL_MIN_ZOOM, paint: { 'fill-color': LAND_COLOR } },
  { id: COMMUNES_FILL_ID, type: 'fill', source: MAILLAGE_SOURCE, 'source-layer': 'communes', minzoom: COMMUNE_FILL_MIN_ZOOM, paint: { 'fill-color': LAND_COLOR } },
];

export const boundaryLayers: LayerSpecification[] = [
  {
    id: 'communes-limites',
    type: 'line',
    source: MAILLAGE_SOURCE,
    'source-layer': 'communes',
    minzoom: 7,
    paint: { 'line-color': '#7b7b7b', 'line-opacity': ['interpolate', ['linear'], ['zoom'], 7, 0.15, 10, 0.5], 'line-width': 0.5 },
  },
  {
    id: 'departements-limites',
    type: 'line',
    source: BOUNDARY_SOURCE,
    'source-layer': 'departements',
    paint: { 'line-color': '#3a3a3a', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.4] },
  },
  {
    id: 'regions-limites',
    type: 'line',
    source: BOUNDARY_SOURCE,
    'source-layer': 'regions',
    paint: { 'line-color': '#161616', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.9, 9, 2.4] },
  },
];

export const communeLabelsLayer: LayerSpecification = {
  id: 'communes-noms',
  type: 'symbol',
  source: MAILLAGE_SOURCE,
  'source-layer': 'communes_labels',
  minzoom: 9,
  layout: {
    'text-field': ['get', 'nom'],
    'text-font': ['Marianne', 'sans-serif'],
    'text-size': ['interpolate', ['linear'], ['get', 'population'], 0, 10, 100000, 14],
    'symbol-sort-key': ['-', ['get', 'population']],
    'text-max-width': 8,
  },
  paint: { 'text-color': '#161616', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
};

/** The selected commune, outlined. */
export function selectedCommuneLayers(code: string | null): LayerSpecification[] {
  if (!code) return [];
  return [
    {
      id: 'commune-selection',
      type: 'line',
      source: MAILLAGE_SOURCE,
      'source-layer': 'communes',
      filter: ['==', ['get', 'code'], code],
      paint: { 'line-color': '#000091', 'line-width': 3.5 },
    },
  ];
}
