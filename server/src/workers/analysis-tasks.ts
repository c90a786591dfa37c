/**
 * The analyses of the read API as tasks that an analysis worker runs (analysis-worker.ts) — or,
 * where there is no topology file to give a worker (some tests), the request thread itself. Each
 * task is plain data (the territory and the parameters); its inputs are the commune table, the
 * topology and the care offer of one data version, demonstration setting and day. Pure: no HTTP,
 * no SQL.
 *
 * Two diagnostic tasks exist for the tests of the pool (tests/workers/analysis-pool.test.ts):
 * `bloquer` holds its worker for `ms` milliseconds, `planter` ends its worker as a crash would.
 * No route sends them.
 */
import { isMainThread } from 'node:worker_threads';
import { accessibilityReport } from '../analysis/accessibility-report';
import { completeDepartements, completenessSummary, type CompletenessRecord } from '../analysis/completeness';
import type { CptsStatusFilter } from '../analysis/cpts-coverage';
import { cptsMapLayers } from '../analysis/cpts-map-layers';
import { cptsLayers, cptsReport, type CptsReport } from '../analysis/cpts-report';
import { draftDepartementEffects } from '../analysis/draft-coverage';
import type { CommuneTable, CptsRecord, DeploymentRecord, ProtocolRecord, SasRecord, StructureRecord } from '../analysis/inputs';
import { perimeter } from '../analysis/perimeter';
import { sasCoverage } from '../analysis/sas-coverage';
import { snpReport, type SnpParams } from '../analysis/snp-report';
import { selectSnpOffers } from '../analysis/snp-offers';
import { communesOf, type Territory } from '../analysis/territory';
import type { TwoStepOptions } from '../analysis/two-step-fca';
import type { LoadedTopology } from '../geo/topology-store';

export interface CareInputs {
  structures: StructureRecord[];
  cpts: CptsRecord[];
  sas: SasRecord[];
  protocols: ProtocolRecord[];
  deployments: DeploymentRecord[];
  /** « Liste complète au <date> » declarations (CPTS, MMG, SNP offers). */
  completeness: CompletenessRecord[];
}

export interface AnalysisInputs {
  table: CommuneTable;
  topology: () => LoadedTopology;
  care: CareInputs;
}

type Cpts = { territory: Territory; status: CptsStatusFilter; date: string };

export type AnalysisTask =
  | ({ op: 'cpts' } & Cpts)
  | ({ op: 'cpts-carte' } & Cpts)
  | ({ op: 'cpts-couches' } & Cpts)
  | { op: 'sas'; territory: Territory; date: string }
  | { op: 'sas-couches'; territory: Territory }
  | { op: 'snp'; territory: Territory; at: string | null; params: SnpParams }
  /** The same, its answer's body serialised here (the JSON of /access/snp without its head). */
  | { op: 'snp-json'; territory: Territory; at: string | null; params: SnpParams }
  | { op: '2sfca'; territory: Territory; bands?: TwoStepOptions['bands']; detourFactor?: number; capacity: 'offre' | 'passages' }
  | { op: '2sfca-json'; territory: Territory; bands?: TwoStepOptions['bands']; detourFactor?: number; capacity: 'offre' | 'passages' }
  /** A draft perimeter's effect on the CPTS coverage of each département it touches. */
  | { op: 'brouillon-effets'; cptsId: string; communes: string[]; date: string }
  | { op: 'bloquer'; ms: number }
  | { op: 'planter' };

function cpts(task: Cpts, { table, topology, care }: AnalysisInputs): CptsReport {
  return cptsReport(topology(), table, communesOf(task.territory, table), care.cpts, { status: task.status, date: task.date, complete: completeDepartements(care.completeness, 'cpts') });
}

type FcaTask = Omit<Extract<AnalysisTask, { op: '2sfca' }>, 'op'>;
type SnpTask = Omit<Extract<AnalysisTask, { op: 'snp' }>, 'op'>;

function snp(task: SnpTask, { table, care }: AnalysisInputs) {
  return snpReport(care, communesOf(task.territory, table), task.at ? new Date(task.at) : null, task.params, table.names.departements);
}

function fca(task: FcaTask, { table, care }: AnalysisInputs) {
  const offers = selectSnpOffers(care.structures).offers;
  const completeSnp = completeDepartements(care.completeness, 'snp');
  const report = accessibilityReport(task.territory, table, offers, { bands: task.bands, detourFactor: task.detourFactor, completeSnp, capacity: task.capacity });
  const completude = completenessSummary(communesOf(task.territory, table), completeSnp, 'snp', table.names.departements, '« sans accès » (indice nul) calculé');
  return { report, completude, offers, demo: offers.some((o) => o.demo) };
}

function sasLayers(task: { territory: Territory }, { table, topology }: AnalysisInputs) {
  const byDep = new Map<string, string[]>();
  for (const x of communesOf(task.territory, table)) (byDep.get(x.departement) ?? byDep.set(x.departement, []).get(x.departement)!).push(x.code);
  return new Map([...byDep].map(([dep, codes]) => [dep, perimeter(topology(), table, codes)]));
}

function block(ms: number): null {
  const until = Date.now() + ms;
  while (Date.now() < until) { /* holds the thread, as a heavy analysis would */ }
  return null;
}

const RUN = {
  cpts,
  'cpts-carte': (task: Cpts, inputs: AnalysisInputs) => cptsMapLayers(inputs.topology(), inputs.table, communesOf(task.territory, inputs.table), cpts(task, inputs), inputs.care.cpts),
  'cpts-couches': (task: Cpts, inputs: AnalysisInputs) => cptsLayers(inputs.topology(), inputs.table, cpts(task, inputs), inputs.care.cpts),
  sas: (task: { territory: Territory; date: string }, { table, care }: AnalysisInputs) =>
    sasCoverage({ territory: communesOf(task.territory, table), all: table.list, sas: care.sas, names: table.names, date: task.date }),
  'sas-couches': sasLayers,
  snp,
  'snp-json': (task: SnpTask, inputs: AnalysisInputs): string => JSON.stringify(snp(task, inputs).body),
  '2sfca': fca,
  // The head's parameters come from the report's method (bands and detour factor as applied).
  '2sfca-json': (task: FcaTask, inputs: AnalysisInputs) => {
    const { report, completude, demo } = fca(task, inputs);
    return { bands: report.methode.bandes, detourFactor: report.methode.coefficientDetour, corps: JSON.stringify({ donneesDemonstration: demo, completude, ...report }) };
  },
  'brouillon-effets': (task: Extract<AnalysisTask, { op: 'brouillon-effets' }>, { table, care }: AnalysisInputs) =>
    draftDepartementEffects(table, care.cpts, task.cptsId, task.communes, { complete: completeDepartements(care.completeness, 'cpts'), date: task.date }),
  bloquer: (task: { ms: number }) => block(task.ms),
  // Ends its worker thread (a crash, as the pool sees it); refused on the request thread.
  planter: (): null => {
    if (isMainThread) throw new Error('« planter » ne s\'exécute que sur un fil de calcul');
    process.exit(70);
  },
} as const;

export type AnalysisResult<T extends AnalysisTask> = ReturnType<(typeof RUN)[T['op']]>;

export function runAnalysisTask<T extends AnalysisTask>(task: T, inputs: AnalysisInputs): AnalysisResult<T> {
  const run = RUN[task.op] as unknown as (task: T, inputs: AnalysisInputs) => AnalysisResult<T>;
  if (!run) throw new RangeError(`tâche d'analyse « ${(task as { op: string }).op} » inconnue`);
  return run(task, inputs);
}

/**
 * A result as it crosses threads. The CPTS report's per-commune table is not enumerable (the JSON
 * body leaves it out, the exports read it): a structured clone would drop it, so it travels
 * beside the report and is put back as it was.
 */
export function packResult(value: unknown): { value: unknown; parCommune?: unknown } {
  if (value && typeof value === 'object' && 'parCommune' in value && !Object.prototype.propertyIsEnumerable.call(value, 'parCommune')) {
    return { value, parCommune: (value as { parCommune: unknown }).parCommune };
  }
  return { value };
}

export function unpackResult<T>(packed: { value: unknown; parCommune?: unknown }): T {
  if (packed.parCommune !== undefined) {
    const list = packed.parCommune;
    Object.defineProperty(packed.value, 'parCommune', { enumerable: false, get: () => list });
  }
  return packed.value as T;
}
