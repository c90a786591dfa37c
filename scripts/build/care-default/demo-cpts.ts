/**
 * Demonstration scenario: draft CPTS territories for Haute-Garonne, where no real CPTS territory
 * is published. Built deterministically from the EPCI of the département: one territory per EPCI,
 * then each territory under 40 000 inhabitants is merged into its least populated neighbour
 * (sharing a border) until none is left under that size; ties by EPCI code. Territories are
 * named after their most populous EPCI and numbered by their first EPCI code; statuses follow the numbering (ACI signé, ACI signé, projet
 * de santé, pré-projet, …) and every fifth territory is left without CPTS, to show a gap.
 * Every row: source « démonstration », demo = true, « (démonstration) » in the name.
 */
import type { CommuneTopology } from '../../../server/src/geo/commune-topology';
import type { CommuneRow } from '../communes-table';
import { DEMO, type Row } from './care-rows';
import { communeNeighbours } from './commune-neighbours';

export const DEMO_DEPARTEMENT = '31';
const MIN_POPULATION = 40_000;
const STATUSES = ['ACI signé', 'ACI signé', 'projet de santé', 'pré-projet'] as const;

interface Group { epci: string[]; codes: string[]; population: number; /** Most populous EPCI: names the territory. */ main: string }

export interface DemoCptsInput {
  communes: CommuneRow[];
  epciNames: Map<string, string>;
  topology: CommuneTopology;
}

function groupsOf(input: DemoCptsInput): Group[] {
  const byEpci = new Map<string, Group>();
  for (const c of input.communes) {
    if (c.departement !== DEMO_DEPARTEMENT || !c.epci) continue;
    const g = byEpci.get(c.epci) ?? byEpci.set(c.epci, { epci: [c.epci], codes: [], population: 0, main: c.epci }).get(c.epci)!;
    g.codes.push(c.code);
    g.population += c.population;
  }
  const groups = [...byEpci.values()].sort((a, b) => (a.epci[0]! < b.epci[0]! ? -1 : 1));
  const polygonOf = new Map(input.communes.map((c) => [c.code, c.contained_in ?? c.code]));
  const neighbours = communeNeighbours(input.topology, new Set(groups.flatMap((g) => g.codes)));
  const groupOf = new Map<string, Group>();
  for (const g of groups) for (const c of g.codes) groupOf.set(c, g);
  const adjacent = (g: Group) => {
    const out = new Set<Group>();
    for (const c of g.codes) for (const n of neighbours.get(polygonOf.get(c)!) ?? []) {
      const other = groupOf.get(n);
      if (other && other !== g) out.add(other);
    }
    return [...out];
  };
  const epciPopulation = new Map(groups.map((g) => [g.epci[0]!, g.population]));
  for (;;) {
    const small = groups.filter((g) => g.population < MIN_POPULATION).sort((a, b) => a.population - b.population || (a.epci[0]! < b.epci[0]! ? -1 : 1))[0];
    if (!small) break;
    const target = adjacent(small).sort((a, b) => a.population - b.population || (a.epci[0]! < b.epci[0]! ? -1 : 1))[0];
    if (!target) break; // an isolated small EPCI stays alone
    target.epci.push(...small.epci);
    target.codes.push(...small.codes);
    target.population += small.population;
    if (epciPopulation.get(small.main)! > epciPopulation.get(target.main)!) target.main = small.main;
    for (const c of small.codes) groupOf.set(c, target);
    groups.splice(groups.indexOf(small), 1);
  }
  for (const g of groups) {
    g.epci.sort();
    g.codes.sort();
  }
  return groups.sort((a, b) => (a.epci[0]! < b.epci[0]! ? -1 : 1));
}

export function demoCpts(input: DemoCptsInput): { cpts: Row[]; communes: Row[] } {
  const cpts: Row[] = [];
  const communes: Row[] = [];
  groupsOf(input).forEach((g, i) => {
    if (i % 5 === 4) return; // a territory without CPTS
    const id = `DEMO-${DEMO_DEPARTEMENT}-${g.epci[0]}`;
    const names = g.epci.map((e) => input.epciNames.get(e) ?? e);
    const main = input.epciNames.get(g.main) ?? g.main;
    cpts.push({
      id, name: `CPTS ${main}${names.length > 1 ? ' et environs' : ''} (démonstration)`, status: STATUSES[i % STATUSES.length],
      status_date: null, declared_population: null, headquarters_commune: null, headquarters_address: null, departement: DEMO_DEPARTEMENT,
      territory_note: `territoire de démonstration : ${names.length === 1 ? 'EPCI' : 'EPCI regroupés'} ${names.join(', ')}`,
      note: 'Scénario de démonstration construit à partir des EPCI : ce n\'est pas une CPTS réelle.', source_date: null, ...DEMO,
    });
    for (const code of g.codes) communes.push({ cpts_id: id, commune: code, coverage: 'entière', note: null, ...DEMO });
  });
  return { cpts, communes };
}
