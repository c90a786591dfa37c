/**
 * MSP, centres de santé, MMG and emergency sites as symbols (one shape and colour per kind),
 * gathered into clusters at low zoom, from a GeoJSON source built from `/api/structures`.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { MarkerShape } from '../../../lib/marker-icon';

export const STRUCTURES_SOURCE = 'structures';
export const STRUCTURES_POINTS_ID = 'structures-symboles';
export const STRUCTURES_CLUSTERS_ID = 'structures-groupes';
export const CLUSTER_MAX_ZOOM = 9;

export interface KindStyle {
  label: string;
  shape: MarkerShape;
  color: string;
}

export const KIND_STYLES: Record<string, KindStyle> = {
  MSP: { label: 'Maison de santé pluriprofessionnelle (MSP)', shape: 'circle', color: '#000091' },
  CDS: { label: 'Centre de santé', shape: 'square', color: '#009081' },
  MMG: { label: 'Maison médicale de garde (MMG)', shape: 'diamond', color: '#e1000f' },
  SU: { label: 'Site d’urgence (SU)', shape: 'triangle', color: '#a558a0' },
};
export const OTHER_KIND: KindStyle = { label: 'Autre structure', shape: 'circle', color: '#666666' };
export const SHOWN_KINDS = Object.keys(KIND_STYLES);

export const iconId = (kind: string) => `structure-${kind.toLowerCase()}`;

const iconOf: ExpressionSpecification = ['match', ['get', 'categorie'], ...SHOWN_KINDS.flatMap((k) => [k, iconId(k)]), iconId('autre')] as unknown as ExpressionSpecification;

export const CLUSTER_COLOR = '#000091';

export const structureLayers: LayerSpecification[] = [
  {
    id: STRUCTURES_CLUSTERS_ID,
    type: 'circle',
    source: STRUCTURES_SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#ffffff',
      'circle-stroke-color': CLUSTER_COLOR,
      'circle-stroke-width': 3,
      'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 50, 22],
    },
  },
  {
    id: 'structures-groupes-nombre',
    type: 'symbol',
    source: STRUCTURES_SOURCE,
    filter: ['has', 'point_count'],
    layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['Marianne', 'sans-serif'], 'text-size': 12, 'text-allow-overlap': true },
    paint: { 'text-color': CLUSTER_COLOR },
  },
  {
    id: STRUCTURES_POINTS_ID,
    type: 'symbol',
    source: STRUCTURES_SOURCE,
    filter: ['!', ['has', 'point_count']],
    // Structures sharing a point are spread around it on screen (`decalage`, structures-geojson.ts).
    layout: { 'icon-image': iconOf, 'icon-offset': ['coalesce', ['get', 'decalage'], ['literal', [0, 0]]] as unknown as ExpressionSpecification, 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'symbol-sort-key': ['match', ['get', 'categorie'], 'SU', 0, 'MMG', 1, 2] },
  },
];

/**
 * Emergency sites sized by their yearly visits (SAE `passagesParAn`): symbol area in proportion
 * to the visits (size ∝ √visits), a median site (~25 000) at the usual size; an SU of unknown
 * visits and the other kinds keep it.
 */
export const VISITS_ICON_SIZE: ExpressionSpecification = [
  'case',
  ['all', ['==', ['get', 'categorie'], 'SU'], ['has', 'passagesParAn']],
  ['max', 0.5, ['min', 2.2, ['/', ['sqrt', ['max', 0, ['to-number', ['get', 'passagesParAn'], 0]]], 158]]],
  1,
] as unknown as ExpressionSpecification;

export function structureLayersSized(byVisits: boolean): LayerSpecification[] {
  if (!byVisits) return structureLayers;
  return structureLayers.map((l) => (l.id === STRUCTURES_POINTS_ID && l.type === 'symbol' ? { ...l, layout: { ...l.layout, 'icon-size': VISITS_ICON_SIZE } } : l));
}
