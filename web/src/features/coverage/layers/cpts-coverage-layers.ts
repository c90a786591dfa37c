/**
 * CPTS territories (fill and outline coloured by status, names), zones blanches (hatched) and
 * overlaps (cross-hatched), from the dissolved layers of `/api/coverage/cpts?format=geojson`
 * (property `couche`: cpts | zone_blanche | chevauchement | non_renseigne | partielle) of
 * `/api/coverage/cpts/carte`. « Non renseigné » (no complete CPTS list for the département) is a
 * plain neutral grey, drawn below the hatches, never hatched: whole départements from the boundary
 * tiles, the rest from the answer's polygon.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BOUNDARY_SOURCE } from '../../../map/base-style';
import { NOT_KNOWN_COLOR } from '../../../lib/not-known';

export const COVERAGE_SOURCE = 'couverture-cpts';

export const CPTS_STATUS_COLORS = {
  'pré-projet': '#b8860b',
  'projet de santé': '#0063cb',
  'ACI signé': '#18753c',
  // The source gives no status (an ARS listing with an empty status column): a neutral grey.
  'non renseigné': '#666666',
} as const;
export type CptsStatus = keyof typeof CPTS_STATUS_COLORS;

export const ZONE_BLANCHE_COLOR = '#ce0500';
export const OVERLAP_COLOR = '#6e445a';
export const ZONE_BLANCHE_PATTERN = 'hachures-zones-blanches';
export const OVERLAP_PATTERN = 'hachures-chevauchements';

export const CPTS_FILL_ID = 'cpts-fond';
export const CPTS_OUTLINE_ID = 'cpts-contour';
export const CPTS_LABEL_ID = 'cpts-noms';

const statusColor: ExpressionSpecification = [
  'match', ['get', 'statut'],
  'pré-projet', CPTS_STATUS_COLORS['pré-projet'],
  'projet de santé', CPTS_STATUS_COLORS['projet de santé'],
  'ACI signé', CPTS_STATUS_COLORS['ACI signé'],
  CPTS_STATUS_COLORS['non renseigné'],
];

const layer = (kind: string): ExpressionSpecification => ['==', ['get', 'couche'], kind];

export const NOT_KNOWN_FILL_ID = 'cpts-non-renseigne';

/** Départements entirely « non renseigné » (`departementsNonRenseignes` of the map answer), filled from the boundary tiles, same grey. */
export const notKnownDepartementsLayer = (codes: string[]): LayerSpecification => ({
  id: 'cpts-non-renseigne-departements', type: 'fill', source: BOUNDARY_SOURCE, 'source-layer': 'departements',
  filter: ['in', ['get', 'code'], ['literal', codes]], paint: { 'fill-color': NOT_KNOWN_COLOR, 'fill-opacity': 0.6 },
});

/**
 * The zones blanches, hatched: with the zones blanches layer, and with the CPTS layer alone too — a
 * département declared complete shows its holes as zones blanches, never as plain land.
 */
export const zonesBlanchesHatchLayer: LayerSpecification = {
  id: 'zones-blanches-hachures', type: 'fill', source: COVERAGE_SOURCE, filter: layer('zone_blanche'), paint: { 'fill-pattern': ZONE_BLANCHE_PATTERN, 'fill-opacity': 0.9 },
};

export const zonesBlanchesLayers: LayerSpecification[] = [
  { id: NOT_KNOWN_FILL_ID, type: 'fill', source: COVERAGE_SOURCE, filter: layer('non_renseigne'), paint: { 'fill-color': NOT_KNOWN_COLOR, 'fill-opacity': 0.6 } },
  zonesBlanchesHatchLayer,
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
  id: CPTS_LABEL_ID,
  type: 'symbol',
  source: COVERAGE_SOURCE,
  filter: cptsFilter(only),
  minzoom: 6,
  // Every CPTS is named: placed before the commune names (the layer is drawn above them), two
  // neighbouring CPTS take different anchors rather than one hiding the other.
  layout: {
    'text-field': ['get', 'nom'], 'text-font': ['Marianne', 'sans-serif'], 'text-size': 12, 'text-max-width': 10, 'symbol-placement': 'point',
    'text-variable-anchor': ['center', 'bottom', 'top', 'left', 'right', 'bottom-left', 'top-right'], 'text-radial-offset': 0.6, 'text-padding': 1,
  },
  paint: { 'text-color': '#161616', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
});

/** A commune the source says is only partly covered (Nantes): its own polygon in the coverage source (`couche` partielle). */
export const PARTIAL_COLOR = '#ffffff';

/**
 * Drawn paler than a whole one and outlined in dashes: its CPTS colour shows through a white veil.
 * From the coverage answer, not from the commune tiles: the France and région views need no commune tile.
 */
export const partialCommunesLayers: LayerSpecification[] = [
  { id: 'cpts-communes-partielles', type: 'fill', source: COVERAGE_SOURCE, filter: layer('partielle'), paint: { 'fill-color': PARTIAL_COLOR, 'fill-opacity': 0.6 } },
  { id: 'cpts-communes-partielles-contour', type: 'line', source: COVERAGE_SOURCE, filter: layer('partielle'), paint: { 'line-color': '#161616', 'line-width': 1.5, 'line-dasharray': [2, 2] } },
];
