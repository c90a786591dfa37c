/**
 * Hatch patterns drawn pixel by pixel (no canvas), for `fill-pattern` layers: diagonal lines, or
 * crossed diagonals, of one colour on a transparent tile that repeats seamlessly.
 */
import { parseHexColor, type RgbaImage } from './rgba-image';

export interface HatchOptions {
  /** Tile side in pixels (default 8); lines repeat every `size` pixels. */
  size?: number;
  /** Line colour as #rrggbb. */
  color: string;
  /** Line thickness in pixels, measured along x (default 2). */
  thickness?: number;
  /** 'diagonal' (╱) or 'cross' (╳) (default 'diagonal'). */
  kind?: 'diagonal' | 'cross';
}

export type PatternImage = RgbaImage;

export function hatchPattern({ size = 8, color, thickness = 2, kind = 'diagonal' }: HatchOptions): PatternImage {
  if (!Number.isInteger(size) || size < 2 || size > 64) throw new Error(`taille de motif ${size} invalide : entier de 2 à 64 attendu`);
  if (!(thickness > 0 && thickness < size)) throw new Error(`épaisseur ${thickness} invalide : entre 0 et la taille du motif`);
  const [r, g, b] = parseHexColor(color);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // ╱ : pixels where (x + y) mod size is small; ╲ : (x - y) mod size.
      const rising = (x + y) % size < thickness;
      const falling = kind === 'cross' && (((x - y) % size) + size) % size < thickness;
      if (!rising && !falling) continue;
      const k = (y * size + x) * 4;
      data[k] = r;
      data[k + 1] = g;
      data[k + 2] = b;
      data[k + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}
