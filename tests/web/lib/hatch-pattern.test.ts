/** The hatch tiles of the zones blanches and overlaps: seamless, of one colour, validated. */
import { describe, expect, it } from 'vitest';
import { hatchPattern } from '../../../web/src/lib/hatch-pattern';

const opaque = (img: ReturnType<typeof hatchPattern>, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3] === 255;

describe('hatchPattern', () => {
  it('draws diagonal lines of the given colour that continue across the tile edges', () => {
    const img = hatchPattern({ color: '#ce0500', size: 8, thickness: 2 });
    expect(img).toMatchObject({ width: 8, height: 8 });
    expect(img.data.length).toBe(8 * 8 * 4);
    // (x + y) mod 8 < 2 is painted: a line from (0,0) to the opposite corner and its neighbour.
    expect(opaque(img, 0, 0)).toBe(true);
    expect(opaque(img, 7, 1)).toBe(true);
    expect(opaque(img, 2, 3)).toBe(false);
    // Seamless: the right column continues the left one shifted by one row.
    for (let y = 0; y < 8; y++) expect(opaque(img, 7, y)).toBe(opaque(img, 0, (y + 7) % 8));
    const painted = [...Array(64).keys()].filter((i) => img.data[i * 4 + 3] === 255);
    expect(painted).toHaveLength(16);
    for (const i of painted) expect([...img.data.slice(i * 4, i * 4 + 3)]).toEqual([0xce, 0x05, 0x00]);
  });

  it('crosses the lines for overlaps', () => {
    const cross = hatchPattern({ color: '#6e445a', size: 8, thickness: 1, kind: 'cross' });
    expect(opaque(cross, 1, 7)).toBe(true); // rising diagonal
    expect(opaque(cross, 3, 3)).toBe(true); // falling diagonal
  });

  it('refuses a colour it cannot read and impossible sizes', () => {
    expect(() => hatchPattern({ color: 'red' })).toThrow(/#rrggbb/);
    expect(() => hatchPattern({ color: '#000000', size: 1 })).toThrow(/entier de 2 à 64/);
    expect(() => hatchPattern({ color: '#000000', size: 8, thickness: 9 })).toThrow(/épaisseur/);
  });
});
