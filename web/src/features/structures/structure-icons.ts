/** The symbol of each structure kind, as map images (drawn once at load). */
import { markerIcon } from '../../lib/marker-icon';
import type { MapImage } from '../../map/sync-style';
import { iconId, KIND_STYLES, OTHER_KIND } from './layers/structure-layers';

export const STRUCTURE_ICONS: Record<string, MapImage> = Object.fromEntries([
  ...Object.entries(KIND_STYLES).map(([kind, s]) => [iconId(kind), { ...markerIcon({ shape: s.shape, color: s.color, size: 22 }) }]),
  [iconId('autre'), markerIcon({ shape: OTHER_KIND.shape, color: OTHER_KIND.color, size: 14 })],
]);
