/**
 * Offer indicators of a territory: MSP, centres de santé, MMG and SU sites counted and per 10 000
 * inhabitants, for the territory and for each sub-territory. A structure belongs to the territory
 * of the commune it is located in.
 *
 * Known vs not known: a département where no structure of a kind is known (no row at all: no
 * FINESS import, no curated list there) is « non renseigné » for that kind — its count is null,
 * never 0, and its population is left out of the rate. A sub-territory none of whose départements
 * is known for a kind has a null count; otherwise the count is of the known départements and the
 * rate per 10 000 is on their population alone.
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
  /** null: « non renseigné » (no structure of the kind known in any of its départements). */
  nombre: Record<CountedKind, number | null>;
  pour10000: Record<CountedKind, number | null>;
}

export interface OfferIndicators {
  total: OfferRow;
  niveau: SubLevel;
  lignes: OfferRow[];
  /** For each kind, the départements of the territory where none is known (« non renseigné »). */
  nonRenseigne: Record<CountedKind, string[]>;
  /** Structures whose commune is not in the reference geography (ignored). */
  horsGeographie: string[];
  methode: string;
}

export const OFFER_METHOD =
  "Chaque structure compte dans le territoire de sa commune. Un département où aucune structure d'un type n'est connue (aucun import, aucune liste) est « non renseigné » pour ce type : " +
  "son nombre n'est pas 0 mais inconnu, et sa population est retirée du taux pour 10 000 habitants.";

const counts = <T>(make: () => T): Record<CountedKind, T> => ({ MSP: make(), CDS: make(), MMG: make(), SU: make() });
const rate = (n: number, pop: number) => (pop > 0 ? Math.round((n / pop) * 10_000 * 1000) / 1000 : null);

interface Group { population: number; known: Record<CountedKind, number>; count: Record<CountedKind, number>; anyKnown: Record<CountedKind, boolean> }

const emptyGroup = (): Group => ({ population: 0, known: counts(() => 0), count: counts(() => 0), anyKnown: counts(() => false) });

function row(code: string, nom: string, g: Group): OfferRow {
  const nombre = counts<number | null>(() => null);
  const pour10000 = counts<number | null>(() => null);
  for (const k of COUNTED_KINDS) {
    if (!g.anyKnown[k]) continue;
    nombre[k] = g.count[k];
    pour10000[k] = rate(g.count[k], g.known[k]);
  }
  return { code, nom, population: g.population, nombre, pour10000 };
}

export function offerIndicators(territory: Territory, table: CommuneTable, structures: StructureRecord[]): OfferIndicators {
  const level = subLevelOf(territory);
  const communes = communesOf(territory, table);
  const inside = new Set(communes.map((c) => c.code));
  // Départements where each kind is known: at least one structure of it, anywhere in the database.
  const knownIn = counts(() => new Set<string>());
  for (const s of structures) {
    if (!(COUNTED_KINDS as readonly string[]).includes(s.kind)) continue;
    const c = table.byCode.get(s.commune);
    if (c) knownIn[s.kind as CountedKind].add(c.departement);
  }
  const groups = new Map<string, Group>();
  const total = emptyGroup();
  const missing = counts(() => new Set<string>());
  for (const c of communes) {
    const k = subKeyOf(level, c);
    const g = groups.get(k) ?? groups.set(k, emptyGroup()).get(k)!;
    for (const target of [g, total]) {
      target.population += c.population;
      for (const kind of COUNTED_KINDS) {
        if (!knownIn[kind].has(c.departement)) continue;
        target.known[kind] += c.population;
        target.anyKnown[kind] = true;
      }
    }
    for (const kind of COUNTED_KINDS) if (!knownIn[kind].has(c.departement)) missing[kind].add(c.departement);
  }
  const unknown: string[] = [];
  for (const s of structures) {
    if (!(COUNTED_KINDS as readonly string[]).includes(s.kind)) continue;
    const c = table.byCode.get(s.commune);
    if (!c) {
      unknown.push(s.id);
      continue;
    }
    if (!inside.has(c.code)) continue;
    total.count[s.kind as CountedKind]++;
    groups.get(subKeyOf(level, c))!.count[s.kind as CountedKind]++;
  }
  const nonRenseigne = counts<string[]>(() => []);
  for (const kind of COUNTED_KINDS) nonRenseigne[kind] = [...missing[kind]].sort(compareCodes);
  return {
    total: row(territory.kind === 'france' ? 'france' : territory.code, '', total),
    niveau: level,
    lignes: [...groups].sort(([a], [b]) => compareCodes(a, b)).map(([k, g]) => row(k, subNameOf(level, k, table), g)),
    nonRenseigne,
    horsGeographie: unknown,
    methode: OFFER_METHOD,
  };
}
