/**
 * Reader of the « SAS » CSV template: one row per département × filière, the département columns
 * repeated on each of its rows (a SAS without listed filières has one row with `filiere` empty).
 * Statuses: opérationnel | en préparation | pilote | aucun.
 */
import { sasStatus, type SasStatus } from './care-vocabulary';
import { partialDate } from './field-values';
import type { LineIssue } from './line-issue';
import { readTemplate, type TemplateReading, type TemplateSpec } from './read-template';

export const SAS_TEMPLATE: TemplateSpec = {
  label: 'le modèle « SAS »',
  columns: [
    { name: 'departement', required: true, aliases: ['dep', 'code_departement'] },
    { name: 'statut', required: true },
    { name: 'date_debut', aliases: ['date_lancement'] },
    { name: 'precision_date', aliases: ['date_note', 'date_type'] },
    { name: 'telephone' },
    { name: 'filiere' },
    { name: 'filiere_depuis' },
    { name: 'note' },
    { name: 'source', required: true },
  ],
};

const DEP_FIELDS = ['statut', 'date_debut', 'precision_date', 'telephone', 'note', 'source'] as const;

export interface SasInput {
  line: number;
  departement: string;
  status: SasStatus;
  startDate: string | null;
  startDateNote: string | null;
  telephone: string | null;
  note: string | null;
  source: string;
  filieres: { line: number; filiere: string; since: string | null }[];
}

export interface SasReading extends Omit<TemplateReading, 'rows'> {
  sas: SasInput[];
  rowsRead: number;
}

export function readSasCsv(bytes: Uint8Array): SasReading {
  const reading = readTemplate(bytes, SAS_TEMPLATE);
  const rejects: LineIssue[] = [...reading.rejects];
  const byDep = new Map<string, { input: SasInput; values: Record<string, string> }>();
  for (const { line, values: v } of reading.rows) {
    const dep = v.departement!.toUpperCase().padStart(2, '0');
    const reject = (message: string) => rejects.push({ line, ref: dep, message });
    if (!/^(\d{2}|2[AB]|97[1-6])$/.test(dep)) { reject(`code de département « ${v.departement} » invalide (ex. 44, 2A, 974)`); continue; }
    if (!v.source) { reject('source vide : dites d\'où vient la ligne'); continue; }
    const existing = byDep.get(dep);
    if (existing) {
      const differing = DEP_FIELDS.find((f) => v[f] !== existing.values[f]);
      if (differing) { reject(`${differing} diffère de la ligne ${existing.input.line} pour le même département ${dep}`); continue; }
    } else {
      const status = sasStatus(v.statut!);
      const start = v.date_debut ? partialDate(v.date_debut) : null;
      if (!status.ok) { reject(status.message); continue; }
      if (start && !start.ok) { reject(start.message); continue; }
      byDep.set(dep, {
        values: v,
        input: {
          line, departement: dep, status: status.value, startDate: start?.ok ? start.value : null, startDateNote: v.precision_date || null,
          telephone: v.telephone || null, note: v.note || null, source: v.source, filieres: [],
        },
      });
    }
    const sas = byDep.get(dep)!.input;
    if (!v.filiere) {
      if (v.filiere_depuis) reject('date de filière donnée sans filière');
      continue;
    }
    const since = v.filiere_depuis ? partialDate(v.filiere_depuis) : null;
    if (since && !since.ok) { reject(since.message); continue; }
    const filiere = v.filiere.toLowerCase();
    const twice = sas.filieres.find((f) => f.filiere === filiere);
    if (twice) { reject(`filière « ${filiere} » en double pour le département ${dep} (déjà ligne ${twice.line})`); continue; }
    sas.filieres.push({ line, filiere, since: since?.ok ? since.value : null });
  }
  return { ...reading, sas: [...byDep.values()].map((e) => e.input), rowsRead: reading.rows.length + reading.rejects.length, rejects };
}
