/**
 * CPTS territories (fill and outline coloured by status, names), zones blanches (hatched) and
 * overlaps (cross-hatched), from the dissolved layers of `/api/coverage/cpts?format=geojson`
 * (property `couche`: cpts | zone_blanche | chevauchement).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

export const COVERAGE_SOURCE = 'couverture-cpts';

export const CPTS_STATUS_COLORS = {
  'pré-projet': '#b8860b',
  'projet de santé': '#0063cb',
  'ACI signé': '#18753c',
} as const;
export type CptsStatus = keyof typeof CPTS_STATUS_COLORS;

export const ZONE_BLANCHE_COLOR = '#ce0500';
export const OVERLAP_COLOR = '#6e445a';
export const ZONE_BLANCHE_PATTERN = 'hachures-zones-blanches';
export const OVERLAP_PATTERN = 'hachures-chevauchements';

export const CPTS_FILL_ID = 'cpts-fond';
export const CPTS_OUTLINE_ID = 'cpts-contour';

const statusColor: ExpressionSpecification = [
  'match', ['get', 'statut'],
  'pré-projet', CPTS_STATUS_COLORS['pré-projet'],
  'projet de santé', CPTS_STATUS_COLORS['projet de santé'],
  'ACI signé', CPTS_STATUS_COLORS['ACI signé'],
  '#666666',
];

const layer = (kind: string): ExpressionSpecification => ['==', ['get', 'couche'], kind];

export const zonesBlanchesLayers: LayerSpecification[] = [
  { id: 'zones-blanches-hachures', type: 'fill', source: COVERAGE_SOURCE, filter: layer('zone_blanche'), paint: { 'fill-pattern': ZONE_BLANCHE_PATTERN, 'fill-opacity': 0.9 } },
  { id: 'chevauchements-hachures', type: 'fill', source: COVERAGE_SOURCE, filter: layer('chevauchement'), paint: { 'fill-pattern': OVERLAP_PATTERN } },
  { id: 'chevauchements-contour', type: 'line', source: COVERAGE_SOURCE, filter: layer('chevauchement'), paint: { 'line-color': OVERLAP_COLOR, 'line-width': 1.5 } },
];

/** The CPTS (all, or only those whose id is in `only`: e.g. those running a protocol). */
const cptsFilter = (only: string[] | null): ExpressionSpecification =>
  only ? ['all', layer('cpts'), ['in', ['get', 'id'], ['literal', only]]] : layer('cpts');

export function cptsLayers(only: string[] | null = null): LayerSpecification[] {
  return [
    { id: CPTS_FILL_ID, type: 'fill', source: COVERAGE_SOURCE, filter: cptsFilter(only), paint: { 'fill-color': statusColor, 'fill-opacity': 0.18 } },
    { id: CPTS_OUTLINE_ID, type: 'line', source: COVERAGE_SOURCE, filter: cptsFilter(only), paint: { 'line-color': statusColor, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.5, 10, 3] } },
  ];
}

/** CPTS names, above every other layer. */
export const cptsLabelLayer = (only: string[] | null = null): LayerSpecification => ({
  id: 'cpts-noms',
  type: 'symbol',
  source: COVERAGE_SOURCE,
  filter: cptsFilter(only),
  minzoom: 6,
  layout: { 'text-field': ['get', 'nom'], 'text-font': ['Marianne', 'sans-serif'], 'text-size': 12, 'text-max-width': 10, 'symbol-placement': 'point' },
  paint: { 'text-color': '#161616', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
});
