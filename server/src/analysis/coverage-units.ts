/**
 * The units the CPTS coverage counts: communes — except a city a CPTS list divides by arrondissement
 * municipal (eight CPTS listing 13201…13216, never 13055), which is counted by its arrondissements,
 * each with its own population (they add up to the city's: checked by the build). A CPTS that lists
 * such a city whole covers each of its arrondissements. Elsewhere nothing changes: a city no CPTS
 * lists by arrondissement stays one commune.
 */
import type { CommuneRef } from './inputs';

export interface CoverageUnits {
  /** Cities counted by arrondissement (codes of the communes divided). */
  split: Set<string>;
  /** The units of a commune (its arrondissements when it is split, else itself). */
  unitsOf(ref: CommuneRef): readonly CommuneRef[];
}

const byParent = new WeakMap<Map<string, CommuneRef>, Map<string, CommuneRef[]>>();

/** The arrondissements of each city, read once per commune table. */
function arrondissementsOf(all: Map<string, CommuneRef>): Map<string, CommuneRef[]> {
  let out = byParent.get(all);
  if (!out) {
    out = new Map();
    for (const ref of all.values()) if (ref.arrondissementOf) (out.get(ref.arrondissementOf) ?? out.set(ref.arrondissementOf, []).get(ref.arrondissementOf)!).push(ref);
    byParent.set(all, out);
  }
  return out;
}

/** `listed`: the units the CPTS retained list (refs of the commune table). */
export function coverageUnits(all: Map<string, CommuneRef>, listed: Iterable<CommuneRef>): CoverageUnits {
  const split = new Set<string>();
  for (const ref of listed) if (ref.arrondissementOf) split.add(ref.arrondissementOf);
  const parts = arrondissementsOf(all);
  return { split, unitsOf: (ref) => (split.has(ref.code) ? parts.get(ref.code) ?? [ref] : [ref]) };
}
