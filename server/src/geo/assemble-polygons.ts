/**
 * Turns stitched loops into polygons: a counter-clockwise loop is a shell, a clockwise loop a
 * hole, given to the smallest shell that contains it. Output follows RFC 7946 (shells
 * counter-clockwise, holes clockwise), largest part first.
 */
import type { MultiPolygon } from 'geojson';
import type { ArcStore } from './arc-store';
import { loopArea2, loopBox, loopContains, loopCoordinates, pointOnLoop, type GridBox } from './loop-geometry';
import type { Loop } from './stitch-rings';

export interface Part {
  shell: Loop;
  /** Twice the planar area of the shell in grid units (positive). */
  area2: number;
  box: GridBox;
  holes: Loop[];
}

const boxContains = (outer: GridBox, inner: GridBox) =>
  outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

export function assembleParts(store: ArcStore, loops: Loop[]): Part[] {
  const parts: Part[] = [];
  const holes: { loop: Loop; area2: number }[] = [];
  for (const loop of loops) {
    const area2 = loopArea2(store, loop);
    if (area2 > 0) parts.push({ shell: loop, area2, box: loopBox(store, loop), holes: [] });
    else if (area2 < 0) holes.push({ loop, area2: -area2 });
    // zero area: a degenerate loop (empty arc, spike), dropped
  }
  parts.sort((a, b) => b.area2 - a.area2 || Math.abs(a.shell[0]!) - Math.abs(b.shell[0]!));
  if (holes.length === 0) return parts;
  if (parts.length === 1) {
    parts[0]!.holes.push(...holes.map((h) => h.loop));
    return parts;
  }
  const orphans: Part[] = [];
  for (const hole of holes) {
    const box = loopBox(store, hole.loop);
    const candidates = parts.filter((p) => p.area2 > hole.area2 && boxContains(p.box, box));
    let owner: Part | undefined;
    if (candidates.length === 1) owner = candidates[0];
    else if (candidates.length > 1) {
      const probe = pointOnLoop(store, hole.loop);
      // candidates are sorted by decreasing area: the last that contains the probe is the smallest
      for (let i = candidates.length - 1; i >= 0 && !owner; i--) if (loopContains(store, candidates[i]!.shell, probe)) owner = candidates[i];
      owner ??= candidates[candidates.length - 1];
    }
    if (owner) owner.holes.push(hole.loop);
    else orphans.push({ shell: hole.loop.map((r) => ~r).reverse(), area2: hole.area2, box, holes: [] });
  }
  return orphans.length > 0 ? [...parts, ...orphans] : parts;
}

export function partsToMultiPolygon(store: ArcStore, parts: Part[]): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: parts.map((p) => [loopCoordinates(store, p.shell), ...p.holes.map((h) => loopCoordinates(store, h))]),
  };
}
