/**
 * The level below a territory, used to break figures down: France → régions, région →
 * départements, département → EPCI, EPCI → communes.
 */
import type { CommuneRef, CommuneTable } from './inputs';
import type { Territory } from './territory';
import { compareCodes } from './compare';

export type SubLevel = 'region' | 'departement' | 'epci' | 'commune';

export function subLevelOf(t: Territory): SubLevel {
  return t.kind === 'france' ? 'region' : t.kind === 'region' ? 'departement' : t.kind === 'departement' ? 'epci' : 'commune';
}

/** Key of a commune at a level (an EPCI-less island commune is its own group). */
export function subKeyOf(level: SubLevel, c: CommuneRef): string {
  return level === 'region' ? c.region : level === 'departement' ? c.departement : level === 'epci' ? (c.epci ?? `commune:${c.code}`) : c.code;
}

export function subNameOf(level: SubLevel, key: string, table: CommuneTable): string {
  if (level === 'region') return table.names.regions.get(key) ?? key;
  if (level === 'departement') return table.names.departements.get(key) ?? key;
  if (key.startsWith('commune:')) return `${table.byCode.get(key.slice(8))?.nom ?? key} (hors EPCI)`;
  if (level === 'epci') return table.names.epci.get(key) ?? key;
  return table.byCode.get(key)?.nom ?? key;
}

/** Indices of the communes of `communes` grouped by sub-territory key, keys sorted. */
export function groupBySub(level: SubLevel, communes: CommuneRef[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  communes.forEach((c, i) => {
    const k = subKeyOf(level, c);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(i);
  });
  return new Map([...groups].sort(([a], [b]) => compareCodes(a, b)));
}
