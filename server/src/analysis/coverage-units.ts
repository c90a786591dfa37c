/**
 * The units the CPTS coverage counts: communes — except a city a CPTS list divides by arrondissement
 * municipal (eight CPTS listing 13201…13216, never 13055), which is counted by its arrondissements,
 * each with its own population (they add up to the city's: checked by the build). A CPTS that lists
 * such a city whole covers each of its arrondissements. Elsewhere nothing changes: a city no CPTS
 * lists by arrondissement stays one commune.
 */
import type { CommuneRef } from './inputs';

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

/**
 * The cities counted by arrondissement, given the CPTS memberships retained (refs of the commune table),
 * each with its arrondissements; empty (the common case, nothing to expand) when no CPTS names one.
 */
export function splitCities(all: Map<string, CommuneRef>, memberships: Iterable<readonly CommuneRef[]>): Map<string, readonly CommuneRef[]> {
  const split = new Map<string, readonly CommuneRef[]>();
  let parts: Map<string, CommuneRef[]> | null = null;
  for (const refs of memberships) for (const ref of refs) {
    if (!ref.arrondissementOf || split.has(ref.arrondissementOf)) continue;
    parts ??= arrondissementsOf(all);
    split.set(ref.arrondissementOf, parts.get(ref.arrondissementOf) ?? [ref]);
  }
  return split;
}
