/**
 * The tile budget, checked by the build on the tiles it cut: no tile over `maxRawBytes`
 * (default 500 kB, uncompressed), and for zooms 0–9 a median under `maxMedianGzipBytes` (default
 * 50 kB, gzip — tiles are stored and sent gzipped). The distribution per zoom is returned for the
 * build's log and the web benchmark; a broken budget stops the build with an InvariantError that
 * names the heaviest tiles.
 */
import { gzipSync } from 'node:zlib';
import { InvariantError } from './invariant-error';

export interface TileBudget {
  maxRawBytes: number;
  maxMedianGzipBytes: number;
}

export const DEFAULT_TILE_BUDGET: TileBudget = { maxRawBytes: 500 * 1024, maxMedianGzipBytes: 50 * 1024 };
/**
 * The light tile set (départements and régions alone, `/api/tiles/limites/…`): what the France and
 * région views load first, so its own, smaller budget — France's heaviest is ~21 kB gzip (zoom 5),
 * medians 0.3–3.4 kB.
 */
export const DEFAULT_LIGHT_TILE_BUDGET: TileBudget = { maxRawBytes: 128 * 1024, maxMedianGzipBytes: 5 * 1024 };

export interface SizedTile { z: number; x: number; y: number; raw: number; gzip: number }

export interface ZoomSizes { z: number; tiles: number; medianRaw: number; maxRaw: number; medianGzip: number; maxGzip: number; totalGzip: number }

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
};

/** Sizes of raw tiles (gzip computed here): for tiles stored gzipped, pass the raw size and the stored length. */
export function sizeTiles(tiles: { z: number; x: number; y: number; data: Uint8Array }[]): SizedTile[] {
  return tiles.map((t) => ({ z: t.z, x: t.x, y: t.y, raw: t.data.length, gzip: gzipSync(t.data).length }));
}

export function tileDistribution(tiles: SizedTile[]): ZoomSizes[] {
  const zooms = [...new Set(tiles.map((t) => t.z))].sort((a, b) => a - b);
  return zooms.map((z) => {
    const at = tiles.filter((t) => t.z === z);
    return {
      z, tiles: at.length,
      medianRaw: median(at.map((t) => t.raw)), maxRaw: Math.max(...at.map((t) => t.raw)),
      medianGzip: median(at.map((t) => t.gzip)), maxGzip: Math.max(...at.map((t) => t.gzip)),
      totalGzip: at.reduce((s, t) => s + t.gzip, 0),
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function formatDistribution(rows: ZoomSizes[]): string[] {
  return [
    'zoom  tuiles  médiane brute  max brute  médiane gzip  max gzip  total gzip',
    ...rows.map((r) => `${String(r.z).padStart(4)}  ${String(r.tiles).padStart(6)}  ${kb(r.medianRaw).padStart(13)}  ${kb(r.maxRaw).padStart(9)}  ${kb(r.medianGzip).padStart(12)}  ${kb(r.maxGzip).padStart(8)}  ${kb(r.totalGzip).padStart(10)}`),
  ];
}

/** Throws an InvariantError listing every tile over the maximum and a median over its target (`set`: which tile set, for the message). */
export function checkTileBudget(tiles: SizedTile[], budget: TileBudget = DEFAULT_TILE_BUDGET, set = 'tuiles vectorielles'): void {
  const problems = tiles
    .filter((t) => t.raw > budget.maxRawBytes)
    .sort((a, b) => b.raw - a.raw)
    .map((t) => `tuile ${t.z}/${t.x}/${t.y} : ${kb(t.raw)} brute, au-delà du maximum de ${kb(budget.maxRawBytes)}`);
  const lowZooms = tiles.filter((t) => t.z <= 9);
  const med = median(lowZooms.map((t) => t.gzip));
  if (lowZooms.length > 0 && med > budget.maxMedianGzipBytes) {
    problems.push(`médiane des tuiles des zooms 0 à 9 : ${kb(med)} gzip, au-delà de ${kb(budget.maxMedianGzipBytes)}`);
  }
  if (problems.length > 0) throw new InvariantError(`budget des ${set}`, problems);
}
