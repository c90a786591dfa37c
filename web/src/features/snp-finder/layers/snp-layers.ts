/** The finder's map: the origin, and the offers numbered as in the list, coloured by their state now. */
import type { LayerSpecification } from 'maplibre-gl';

export const SNP_SOURCE = 'offres-snp';
export const SNP_OFFERS_ID = 'offres-snp-points';

export const STATE_COLORS = { ouvert: '#18753c', fermé: '#666666', inconnu: '#ffe8b3' } as const;
export const ORIGIN_COLOR = '#000091';

export const snpLayers: LayerSpecification[] = [
  {
    id: 'offres-snp-origine',
    type: 'circle',
    source: SNP_SOURCE,
    filter: ['==', ['get', 'role'], 'origine'],
    paint: { 'circle-radius': 9, 'circle-color': ORIGIN_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
  },
  {
    id: SNP_OFFERS_ID,
    type: 'circle',
    source: SNP_SOURCE,
    filter: ['==', ['get', 'role'], 'offre'],
    paint: {
      'circle-radius': ['case', ['boolean', ['get', 'selection'], false], 15, 12],
      'circle-color': ['match', ['get', 'etat'], 'ouvert', STATE_COLORS.ouvert, 'fermé', STATE_COLORS.fermé, STATE_COLORS.inconnu],
      'circle-stroke-color': ['case', ['boolean', ['get', 'selection'], false], ORIGIN_COLOR, '#161616'],
      'circle-stroke-width': ['case', ['boolean', ['get', 'selection'], false], 3, 1.5],
    },
  },
  {
    id: 'offres-snp-rangs',
    type: 'symbol',
    source: SNP_SOURCE,
    filter: ['==', ['get', 'role'], 'offre'],
    layout: { 'text-field': ['to-string', ['get', 'rang']], 'text-font': ['Marianne', 'sans-serif'], 'text-size': 12, 'text-allow-overlap': true, 'icon-allow-overlap': true },
    paint: { 'text-color': ['match', ['get', 'etat'], 'inconnu', '#161616', '#ffffff'] },
  },
];
