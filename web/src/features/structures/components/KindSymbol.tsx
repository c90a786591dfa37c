/** The symbol of a structure kind in a legend, drawn in SVG with the same shape and colour as on the map. */
import type { KindStyle } from '../layers/structure-layers';

const PATHS: Record<KindStyle['shape'], string> = {
  circle: 'M11 2.2a8.8 8.8 0 1 0 0.001 0z',
  square: 'M3.5 3.5h15v15h-15z',
  diamond: 'M11 1.1L20.9 11 11 20.9 1.1 11z',
  triangle: 'M11 2.4L20.9 17.8H1.1z',
};

export function KindSymbol({ style }: { style: KindStyle }) {
  return (
    <svg className="maillage-legend__symbol" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
      <path d={PATHS[style.shape]} fill={style.color} stroke="#ffffff" strokeWidth="2" />
    </svg>
  );
}
