/**
 * The CPTS page map: its perimeter (filled, thick outline), the other CPTS around (outlines), and
 * in draft mode the communes of the draft by state (feature state `brouillon`: 1 kept, 2 added,
 * 3 removed) with the draft perimeter dashed.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { MAILLAGE_SOURCE } from '../../../map/base-style';
import { COVERAGE_SOURCE } from '../../coverage/layers/cpts-coverage-layers';

export const PERIMETER_SOURCE = 'cpts-perimetre';
export const DRAFT_SOURCE = 'cpts-brouillon';
export const PERIMETER_COLOR = '#000091';
export const DRAFT_ADDED_COLOR = '#18753c';
export const DRAFT_REMOVED_COLOR = '#ce0500';
export const DRAFT_COMMUNES_ID = 'brouillon-communes';
export const OTHER_CPTS_ID = 'cpts-autres';

export const perimeterLayers: LayerSpecification[] = [
  { id: 'cpts-perimetre-fond', type: 'fill', source: PERIMETER_SOURCE, paint: { 'fill-color': PERIMETER_COLOR, 'fill-opacity': 0.12 } },
  { id: 'cpts-perimetre-contour', type: 'line', source: PERIMETER_SOURCE, paint: { 'line-color': PERIMETER_COLOR, 'line-width': 4 } },
];

/** The other CPTS of the coverage layer (not `self`), outlined, clickable. */
export const otherCptsLayers = (self: string): LayerSpecification[] => {
  const filter: ExpressionSpecification = ['all', ['==', ['get', 'couche'], 'cpts'], ['!=', ['get', 'id'], self]];
  return [
    { id: OTHER_CPTS_ID, type: 'fill', source: COVERAGE_SOURCE, filter, paint: { 'fill-color': '#6a6af4', 'fill-opacity': 0.08 } },
    { id: 'cpts-autres-contour', type: 'line', source: COVERAGE_SOURCE, filter, paint: { 'line-color': '#6a6af4', 'line-width': 2, 'line-dasharray': [3, 2] } },
  ];
};

const draftState: ExpressionSpecification = ['coalesce', ['feature-state', 'brouillon'], 0];

export const draftLayers: LayerSpecification[] = [
  {
    id: DRAFT_COMMUNES_ID,
    type: 'fill',
    source: MAILLAGE_SOURCE,
    'source-layer': 'communes',
    paint: {
      'fill-color': ['match', draftState, 2, DRAFT_ADDED_COLOR, 3, DRAFT_REMOVED_COLOR, PERIMETER_COLOR],
      'fill-opacity': ['match', draftState, 1, 0.2, 2, 0.6, 3, 0.5, 0],
    },
  },
  { id: 'brouillon-contour', type: 'line', source: DRAFT_SOURCE, paint: { 'line-color': '#161616', 'line-width': 2.5, 'line-dasharray': [2, 1.5] } },
];
