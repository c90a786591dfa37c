/**
 * Map symbols drawn pixel by pixel (no canvas, so they can be tested): a filled shape with a
 * white outline, antialiased by supersampling. Distinct shapes keep the kinds apart for readers
 * who do not tell the colours apart.
 */
import { parseHexColor, type RgbaImage } from './rgba-image';

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';

export interface MarkerOptions {
  shape: MarkerShape;
  /** Fill colour #rrggbb. */
  color: string;
  /** Side of the image in pixels (default 22). */
  size?: number;
  /** White outline width in pixels (default 2). */
  outline?: number;
}

export type MarkerImage = RgbaImage;

/** Signed distance-like test: is (x, y) — centred, in units of the half-size — inside the shape grown by `grow`? */
function inside(shape: MarkerShape, x: number, y: number, grow: number): boolean {
  switch (shape) {
    case 'circle':
      return Math.hypot(x, y) <= 0.8 + grow;
    case 'square':
      return Math.max(Math.abs(x), Math.abs(y)) <= 0.68 + grow;
    case 'diamond':
      return Math.abs(x) + Math.abs(y) <= 0.9 + grow * Math.SQRT2;
    case 'triangle': {
      // Pointing up, centroid at the centre.
      const top = -0.78 - grow * 2;
      const base = 0.62 + grow;
      const halfWidthAt = ((y - top) / (base - top)) * (0.9 + grow * 1.7);
      return y >= top && y <= base && Math.abs(x) <= halfWidthAt;
    }
  }
}

export function markerIcon({ shape, color, size = 22, outline = 2 }: MarkerOptions): MarkerImage {
  if (!Number.isInteger(size) || size < 8 || size > 64) throw new Error(`taille de symbole ${size} invalide : entier de 8 à 64 attendu`);
  const [r, g, b] = parseHexColor(color);
  const data = new Uint8Array(size * size * 4);
  const half = size / 2;
  const grow = outline / half;
  const S = 4; // 4 × 4 samples per pixel
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let fill = 0;
      let any = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S - half) / half;
          const y = (py + (sy + 0.5) / S - half) / half;
          if (inside(shape, x, y, 0)) fill++;
          else if (inside(shape, x, y, grow)) any++;
        }
      }
      const total = S * S;
      const alpha = (fill + any) / total;
      if (alpha === 0) continue;
      // Straight alpha: colour mixes fill and white outline by their share of the covered samples.
      const f = fill / (fill + any);
      const k = (py * size + px) * 4;
      data[k] = Math.round(r * f + 255 * (1 - f));
      data[k + 1] = Math.round(g * f + 255 * (1 - f));
      data[k + 2] = Math.round(b * f + 255 * (1 - f));
      data[k + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, data };
}
