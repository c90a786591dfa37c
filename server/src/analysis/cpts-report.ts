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
import { enclosedZonesBlanches, type EnclosedZoneBlanche } from './enclaves';

export interface CptsReportEntry extends CptsSummary {
  composantes: number;
  parties: number;
  /** Groups of communes cut off from the main one (most populated first). */
  enclaves: Component[];
}

export type CptsReport = Omit<CptsCoverage, 'cpts'> & {
  cpts: CptsReportEntry[];
  /** Zones blanches entirely surrounded by covered communes (enclaves.ts). */
  zonesBlanchesEnclavees: EnclosedZoneBlanche[];
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
  "Une zone blanche entièrement entourée de communes couvertes est listée comme enclavée (zonesBlanchesEnclavees). " +
  "Une ville qu'une liste de CPTS divise par arrondissement municipal (Paris, Lyon, Marseille) est comptée par arrondissement, chacun avec sa population ; faute de contour d'arrondissement, la carte la dessine entière, en couverture partielle. " +
  "Une commune que plusieurs CPTS listent, chacune en couverture partielle, est « partagée entre N CPTS » : couverte une fois, ce n'est pas un chevauchement ; un chevauchement est une commune qu'une CPTS dit couvrir entière alors qu'une autre la liste aussi. " +
  "Dans les chiffres de chaque CPTS, une commune partagée entre N CPTS compte pour 1/N de sa population : les populations des CPTS ne dépassent jamais celle qu'elles couvrent. " +
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
  const { coverage, members, cptsOfUnit } = coverageWithMembers(territory, table.byCode, cpts, options);
  const nonContigues: CptsReport['nonContigues'] = [];
  const entries: CptsReportEntry[] = coverage.cpts.map((s) => {
    const k = rememberedContiguity(topo, members.get(s.id)!);
    if (k.composantes.length > 1) nonContigues.push({ id: s.id, nom: s.nom, composantes: k.composantes });
    return { ...s, composantes: k.composantes.length, parties: k.parties, enclaves: k.composantes.slice(1) };
  });
  const completude = options.complete ? completenessSummary(territory, options.complete, 'cpts', table.names.departements) : null;
  const zonesBlanchesEnclavees = enclosedZonesBlanches(topo, table, coverage.zonesBlanches, cptsOfUnit);
  const report = { ...coverage, cpts: entries, zonesBlanchesEnclavees, nonContigues, completude, methode: CPTS_METHOD } as CptsReport;
  Object.defineProperty(report, 'parCommune', { enumerable: false, get: () => coverage.parCommune }); // built on demand
  return report;
}

export type CptsLayer = 'cpts' | 'zone_blanche' | 'chevauchement' | 'non_renseigne';

/** Dissolved layers of a report: one feature per CPTS, one for the zones blanches, one for the overlaps, one for « non renseigné ». */
export function cptsLayers(topo: LoadedTopology, table: CommuneTable, report: CptsReport, cpts: CptsRecord[]): { layer: CptsLayer; id: string; nom: string; feature: PerimeterFeature }[] {
  const byId = new Map(cpts.map((c) => [c.id, c]));
  // An arrondissement has no contour: in a CPTS perimeter it is drawn with its city (the feature says so:
  // `geometries_approchees`), but it makes no zone blanche, overlap or grey of the whole city.
  const drawable = (code: string) => !table.byCode.get(code)?.arrondissementOf;
  return [
    ...report.cpts.map((e) => ({ layer: 'cpts' as const, id: e.id, nom: e.nom, feature: perimeter(topo, table, byId.get(e.id)!.communes.map((m) => m.code).filter((c) => table.byCode.has(c))) })),
    { layer: 'zone_blanche', id: 'zones-blanches', nom: 'Zones blanches (aucune CPTS)', feature: perimeter(topo, table, report.zonesBlanches.map((z) => z.code).filter(drawable)) },
    { layer: 'chevauchement', id: 'chevauchements', nom: 'Communes dans plusieurs CPTS', feature: perimeter(topo, table, report.chevauchements.map((z) => z.code).filter(drawable)) },
    {
      layer: 'non_renseigne', id: 'non-renseigne', nom: 'Non renseigné (liste des CPTS non déclarée complète)',
      feature: perimeter(topo, table, report.parCommune.filter((c) => c.etat === 'non_renseigne' && !c.arrondissementDe).map((c) => c.code)),
    },
  ];
}
