/**
 * Communes coloured by SNP access, from values joined as feature state on the tiles' `communes`
 * layer: `bande` (index of the distance band, -1 when no offer at all) and `classe2sfca` (class
 * of the 2SFCA index, -1 when the index is zero).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { MAILLAGE_SOURCE } from '../../../map/base-style';
import { NOT_KNOWN_COLOR, NOT_KNOWN_STATE } from '../../../lib/not-known';

export const BAND_COLORS = ['#edf8fb', '#b3cde3', '#8c96c6', '#88419d'];
export const NO_OFFER_COLOR = '#4d004b';
export const INDEX_COLORS = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'];
export const ZERO_INDEX_COLOR = '#fcae91';

export const ACCESS_LAYER_ID = 'acces-distance';
export const INDEX_LAYER_ID = 'acces-indice';

function stateColor(key: string, colors: string[], missing: string): ExpressionSpecification {
  // No state (commune outside the territory): transparent. « Non renseigné »: the neutral grey.
  return ['match', ['coalesce', ['feature-state', key], -2], -1, missing, NOT_KNOWN_STATE, NOT_KNOWN_COLOR, ...colors.flatMap((c, i) => [i, c]), 'rgba(0,0,0,0)'] as unknown as ExpressionSpecification;
}

export const accessLayer: LayerSpecification = {
  id: ACCESS_LAYER_ID,
  type: 'fill',
  source: MAILLAGE_SOURCE,
  'source-layer': 'communes',
  paint: { 'fill-color': stateColor('bande', BAND_COLORS, NO_OFFER_COLOR), 'fill-opacity': 0.85 },
};

export const indexLayer: LayerSpecification = {
  id: INDEX_LAYER_ID,
  type: 'fill',
  source: MAILLAGE_SOURCE,
  'source-layer': 'communes',
  paint: { 'fill-color': stateColor('classe2sfca', INDEX_COLORS, ZERO_INDEX_COLOR), 'fill-opacity': 0.85 },
};
