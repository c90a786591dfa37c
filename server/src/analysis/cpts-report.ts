/**
 * The CPTS coverage of a territory with the contiguity of each CPTS present there (computed on
 * the CPTS's whole territory, inside and outside the territory analysed), and its layers:
 * dissolved perimeters of the CPTS, of the zones blanches and of the overlaps.
 */
import type { LoadedTopology } from '../geo/topology-store';
import { compareCodes } from './compare';
import { contiguityOf, type Component, type Contiguity } from './contiguity';
import { coverageWithMembers, type CptsCoverage, type CptsCoverageOptions, type CptsSummary } from './cpts-coverage';
import { completenessSummary, type CompletenessSummary } from './completeness';
import type { CommuneRef, CommuneTable, CptsRecord } from './inputs';
import { perimeter, type PerimeterFeature } from './perimeter';

export interface CptsReportEntry extends CptsSummary {
  composantes: number;
  parties: number;
  /** Groups of communes cut off from the main one (most populated first). */
  enclaves: Component[];
}

export type CptsReport = Omit<CptsCoverage, 'cpts'> & {
  cpts: CptsReportEntry[];
  nonContigues: { id: string; nom: string; composantes: Component[] }[];
  /** On what the figures are computed: départements whose CPTS list is complete, the others. */
  completude: CompletenessSummary | null;
  methode: string;
};

export const CPTS_METHOD =
  "Une commune est couverte si au moins une CPTS retenue (selon le filtre de statut) la compte dans son territoire. " +
  "Une commune couverte partiellement (ex. quelques quartiers d'une grande ville) est comptée couverte : sa population est donnée à part (« dont … hab. en couverture partielle ») et la commune est dessinée plus pâle, en tirets. " +
  "Une commune sans CPTS n'est une zone blanche que dans un département dont la liste des CPTS a été déclarée complète (« liste complète au <date> ») ; ailleurs elle est « non renseignée ». " +
  "La part couverte et les chevauchements sont calculés sur les seuls départements à liste complète. " +
  "Couverte + non couverte + non renseignée = population totale du territoire, exactement. " +
  "À une date, une CPTS compte à partir de la date de son statut. " +
  "Une CPTS est non contiguë quand ses communes forment plusieurs groupes sans frontière commune (les îles et les enclaves en sont).";

/**
 * Contiguity depends only on the (immutable) topology and the set of communes: it is remembered
 * per topology and commune set, so after an import only the CPTS whose communes changed are
 * recomputed. Bounded: emptied past 20 000 sets.
 */
const contiguityMemo = new WeakMap<object, Map<string, Contiguity>>();

function rememberedContiguity(topo: LoadedTopology, refs: CommuneRef[]): Contiguity {
  let memo = contiguityMemo.get(topo.topology);
  if (!memo) contiguityMemo.set(topo.topology, (memo = new Map()));
  const key = refs.map((r) => r.code).sort(compareCodes).join(',');
  let k = memo.get(key);
  if (!k) {
    k = contiguityOf(topo, [...new Set(refs)]);
    if (memo.size >= 20_000) memo.clear();
    memo.set(key, k);
  }
  return k;
}

export function cptsReport(topo: LoadedTopology, table: CommuneTable, territory: CommuneRef[], cpts: CptsRecord[], options: CptsCoverageOptions = {}): CptsReport {
  const { coverage, members } = coverageWithMembers(territory, table.byCode, cpts, options);
  const nonContigues: CptsReport['nonContigues'] = [];
  const entries: CptsReportEntry[] = coverage.cpts.map((s) => {
    const k = rememberedContiguity(topo, members.get(s.id)!);
    if (k.composantes.length > 1) nonContigues.push({ id: s.id, nom: s.nom, composantes: k.composantes });
    return { ...s, composantes: k.composantes.length, parties: k.parties, enclaves: k.composantes.slice(1) };
  });
  const completude = options.complete ? completenessSummary(territory, options.complete, 'cpts', table.names.departements) : null;
  const report = { ...coverage, cpts: entries, nonContigues, completude, methode: CPTS_METHOD } as CptsReport;
  Object.defineProperty(report, 'parCommune', { enumerable: false, get: () => coverage.parCommune }); // built on demand
  return report;
}

export type CptsLayer = 'cpts' | 'zone_blanche' | 'chevauchement' | 'non_renseigne';

/** Dissolved layers of a report: one feature per CPTS, one for the zones blanches, one for the overlaps, one for « non renseigné ». */
export function cptsLayers(topo: LoadedTopology, table: CommuneTable, report: CptsReport, cpts: CptsRecord[]): { layer: CptsLayer; id: string; nom: string; feature: PerimeterFeature }[] {
  const byId = new Map(cpts.map((c) => [c.id, c]));
  return [
    ...report.cpts.map((e) => ({ layer: 'cpts' as const, id: e.id, nom: e.nom, feature: perimeter(topo, table, byId.get(e.id)!.communes.map((m) => m.code).filter((c) => table.byCode.has(c))) })),
    { layer: 'zone_blanche', id: 'zones-blanches', nom: 'Zones blanches (aucune CPTS)', feature: perimeter(topo, table, report.zonesBlanches.map((z) => z.code)) },
    { layer: 'chevauchement', id: 'chevauchements', nom: 'Communes dans plusieurs CPTS', feature: perimeter(topo, table, report.chevauchements.map((z) => z.code)) },
    {
      layer: 'non_renseigne', id: 'non-renseigne', nom: 'Non renseigné (liste des CPTS non déclarée complète)',
      feature: perimeter(topo, table, report.parCommune.filter((c) => c.etat === 'non_renseigne').map((c) => c.code)),
    },
  ];
}
