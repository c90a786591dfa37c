/** Colours as drawn: a layer colour at some opacity over a background, as #rrggbb. */
const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

export function blend(color: string, opacity: number, background: string): string {
  const a = hex(color);
  const b = hex(background);
  return `#${a.map((v, i) => Math.round(v * opacity + b[i]! * (1 - opacity)).toString(16).padStart(2, '0')).join('')}`;
}
