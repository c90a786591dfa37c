/**
 * Reader of the « CPTS » CSV template: one row per CPTS × commune, the CPTS columns repeated on
 * each of its rows (a CPTS whose communes are unknown has one row with `commune_insee` empty).
 * Rows of one CPTS must agree on the CPTS columns. Commune codes are returned as written.
 */
import type { CptsStatus } from '../db/care-schema';
import { coverage, cptsStatusOfFile, type Coverage } from './care-vocabulary';
import { communeCodeSyntax, IDENTIFIER, nonNegativeInteger, partialDate } from './field-values';
import type { LineIssue } from './line-issue';
import { readTemplate, type TemplateReading, type TemplateSpec } from './read-template';

export const CPTS_TEMPLATE: TemplateSpec = {
  label: 'le modèle « CPTS »',
  columns: [
    { name: 'id_cpts', required: true, aliases: ['cpts_id', 'identifiant'] },
    { name: 'nom', required: true },
    { name: 'statut', required: true },
    { name: 'date_statut' },
    { name: 'population_declaree', aliases: ['population'] },
    { name: 'siege_commune', aliases: ['siege_commune_insee'] },
    { name: 'siege_adresse' },
    { name: 'departement', aliases: ['dep'] },
    { name: 'territoire_texte', aliases: ['territoire'] },
    { name: 'commune_insee', aliases: ['commune', 'code_commune'] },
    { name: 'couverture' },
    { name: 'note' },
    { name: 'source', required: true },
    { name: 'date_source' },
  ],
};

const CPTS_FIELDS = ['nom', 'statut', 'date_statut', 'population_declaree', 'siege_commune', 'siege_adresse', 'departement', 'territoire_texte', 'note', 'source', 'date_source'] as const;

/** `coverageGiven`: the file wrote a couverture (« entière », « partielle… »); empty reads « entière ». */
export interface CptsCommuneInput { line: number; code: string; coverage: Coverage; coverageGiven: boolean; note: string | null }
export interface CptsInput {
  line: number;
  id: string;
  name: string;
  status: CptsStatus;
  statusDate: string | null;
  declaredPopulation: number | null;
  headquartersCommune: string | null;
  headquartersAddress: string | null;
  /** As the file states it (else derived from the communes by the import). */
  departement: string | null;
  territoryNote: string | null;
  note: string | null;
  source: string;
  sourceDate: string | null;
  communes: CptsCommuneInput[];
}

export interface CptsCsvReading extends Omit<TemplateReading, 'rows'> {
  cpts: CptsInput[];
  rowsRead: number;
}

const orNull = (s: string) => (s === '' ? null : s);

export function readCptsCsv(bytes: Uint8Array): CptsCsvReading {
  const reading = readTemplate(bytes, CPTS_TEMPLATE);
  const rejects: LineIssue[] = [...reading.rejects];
  const warnings: LineIssue[] = [...reading.warnings];
  const byId = new Map<string, { input: CptsInput; values: Record<string, string> }>();
  for (const { line, values: v } of reading.rows) {
    const reject = (message: string) => rejects.push({ line, ref: v.id_cpts || undefined, message });
    if (!IDENTIFIER.test(v.id_cpts!)) { reject(`identifiant de CPTS « ${v.id_cpts} » invalide (lettres, chiffres, . _ : -)`); continue; }
    if (v.nom === '') { reject('nom de la CPTS vide'); continue; }
    if (v.source === '') { reject('source vide : dites d\'où vient la ligne (URL, arrêté, fichier ARS…)'); continue; }
    const existing = byId.get(v.id_cpts!);
    if (existing) {
      const differing = CPTS_FIELDS.find((f) => v[f] !== existing.values[f]);
      if (differing) { reject(`${differing} diffère de la ligne ${existing.input.line} pour la même CPTS ${v.id_cpts}`); continue; }
    } else {
      const status = cptsStatusOfFile(v.statut!);
      const date = v.date_statut ? partialDate(v.date_statut) : null;
      const sourceDate = v.date_source ? partialDate(v.date_source) : null;
      const population = v.population_declaree ? nonNegativeInteger(v.population_declaree) : null;
      const hq = v.siege_commune ? communeCodeSyntax(v.siege_commune) : null;
      const dep = v.departement ? v.departement.toUpperCase().padStart(2, '0') : null;
      if (dep && !/^(\d{2}|2[AB]|97[1-6])$/.test(dep)) { reject(`code de département « ${v.departement} » invalide (ex. 44, 2A, 974)`); continue; }
      const bad = [status, date, sourceDate, population, hq].find((p) => p && !p.ok);
      if (bad && !bad.ok) { reject(bad.message); continue; }
      const { status: value, warning } = (status as { value: { status: CptsStatus; warning: string | null } }).value;
      if (warning) warnings.push({ line, ref: v.id_cpts, message: warning });
      byId.set(v.id_cpts!, {
        values: v,
        input: {
          line, id: v.id_cpts!, name: v.nom!, status: value,
          statusDate: date?.ok ? date.value : null, declaredPopulation: population?.ok ? population.value : null,
          headquartersCommune: hq?.ok ? hq.value : null, headquartersAddress: orNull(v.siege_adresse!), departement: dep,
          territoryNote: orNull(v.territoire_texte!), note: orNull(v.note!), source: v.source!,
          sourceDate: sourceDate?.ok ? sourceDate.value : null, communes: [],
        },
      });
    }
    const cpts = byId.get(v.id_cpts!)!.input;
    if (v.commune_insee === '') {
      if (v.couverture !== '') reject('couverture donnée sans commune');
      continue;
    }
    const code = communeCodeSyntax(v.commune_insee!);
    const cov = coverage(v.couverture!);
    if (!code.ok) { reject(code.message); continue; }
    if (!cov.ok) { reject(cov.message); continue; }
    const twice = cpts.communes.find((c) => c.code === code.value);
    if (twice) { reject(`commune ${code.value} en double pour la CPTS ${cpts.id} (déjà ligne ${twice.line})`); continue; }
    cpts.communes.push({ line, code: code.value, coverage: cov.value.coverage, coverageGiven: v.couverture!.trim() !== '', note: cov.value.note });
  }
  return { ...reading, cpts: [...byId.values()].map((e) => e.input), rowsRead: reading.rows.length + reading.rejects.length, rejects, warnings };
}
