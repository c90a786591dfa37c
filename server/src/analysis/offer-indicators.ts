/**
 * Offer indicators of a territory: MSP, centres de santé, MMG and SU sites counted and per 10 000
 * inhabitants, for the territory and for each sub-territory. A structure belongs to the territory
 * of the commune it is located in.
 */
import type { CommuneTable, StructureRecord } from './inputs';
import { subKeyOf, subLevelOf, subNameOf, type SubLevel } from './sub-territories';
import { communesOf, type Territory } from './territory';
import { compareCodes } from './compare';

export const COUNTED_KINDS = ['MSP', 'CDS', 'MMG', 'SU'] as const;
export type CountedKind = (typeof COUNTED_KINDS)[number];

export interface OfferRow {
  code: string;
  nom: string;
  population: number;
  nombre: Record<CountedKind, number>;
  pour10000: Record<CountedKind, number | null>;
}

export interface OfferIndicators {
  total: OfferRow;
  niveau: SubLevel;
  lignes: OfferRow[];
  /** Structures whose commune is not in the reference geography (ignored). */
  horsGeographie: string[];
}

const emptyCounts = (): Record<CountedKind, number> => ({ MSP: 0, CDS: 0, MMG: 0, SU: 0 });
const rate = (n: number, pop: number) => (pop > 0 ? Math.round((n / pop) * 10_000 * 1000) / 1000 : null);

function row(code: string, nom: string, population: number, nombre: Record<CountedKind, number>): OfferRow {
  const pour10000 = Object.fromEntries(COUNTED_KINDS.map((k) => [k, rate(nombre[k], population)])) as Record<CountedKind, number | null>;
  return { code, nom, population, nombre, pour10000 };
}

export function offerIndicators(territory: Territory, table: CommuneTable, structures: StructureRecord[]): OfferIndicators {
  const level = subLevelOf(territory);
  const communes = communesOf(territory, table);
  const inside = new Set(communes.map((c) => c.code));
  const groups = new Map<string, { population: number; counts: Record<CountedKind, number> }>();
  for (const c of communes) {
    const k = subKeyOf(level, c);
    const g = groups.get(k) ?? groups.set(k, { population: 0, counts: emptyCounts() }).get(k)!;
    g.population += c.population;
  }
  const total = emptyCounts();
  const unknown: string[] = [];
  for (const s of structures) {
    if (!(COUNTED_KINDS as readonly string[]).includes(s.kind)) continue;
    const c = table.byCode.get(s.commune);
    if (!c) {
      unknown.push(s.id);
      continue;
    }
    if (!inside.has(c.code)) continue;
    total[s.kind as CountedKind]++;
    groups.get(subKeyOf(level, c))!.counts[s.kind as CountedKind]++;
  }
  const population = communes.reduce((s, c) => s + c.population, 0);
  return {
    total: row(territory.kind === 'france' ? 'france' : territory.code, '', population, total),
    niveau: level,
    lignes: [...groups].sort(([a], [b]) => compareCodes(a, b)).map(([k, g]) => row(k, subNameOf(level, k, table), g.population, g.counts)),
    horsGeographie: unknown,
  };
}
