/** Raw RGBA images drawn in code (map patterns and symbols), and the colours they are drawn with. */
export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  data: Uint8Array;
}

/** `#rrggbb` → [r, g, b]; a precise error on anything else. */
export function parseHexColor(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new Error(`couleur « ${color} » illisible : #rrggbb attendu`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
