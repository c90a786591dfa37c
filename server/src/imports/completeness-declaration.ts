/**
 * « Liste complète au <date> »: what an import may declare besides its rows, per département and
 * list (CPTS, MMG, SNP offers, MSP and centres de santé). Given on the command line (`--liste-complete 44,49 [--liste cpts]
 * [--complete-au AAAA-MM-JJ]`) or in the URL of `POST /api/imports/:kind` (`liste_complete=44,49`,
 * `liste=`, `complete_au=`), checked here once, journaled with the import and replayed by the build.
 * A declaration is never implied: an import without one changes no completeness.
 */
import { isValidDay } from '../analysis/partial-date';
import { COMPLETE_LISTS, type CompleteList } from '../db/care-schema';
import type { JournalKind } from './import-kinds';

export interface CompletenessDeclaration {
  list: CompleteList;
  departements: string[];
  /** AAAA-MM-JJ: the day the list is complete at. */
  date: string;
}

/** The list an import of this kind completes when none is named. */
const DEFAULT_LIST: Partial<Record<JournalKind, CompleteList>> = {
  cpts: 'cpts', 'cpts-perimetres': 'cpts', mmg: 'mmg', finess: 'snp', urgences: 'snp', 'sae-urgences': 'snp',
};

export const LIST_LABELS: Record<CompleteList, string> = {
  cpts: 'des CPTS', mmg: 'des MMG', snp: 'des offres de soins non programmés', 'msp-cds': 'des MSP et centres de santé',
};

export type Parsed = { ok: true; value: CompletenessDeclaration | null } | { ok: false; message: string };

/** Reads the raw options (all absent: no declaration). `today` is the default date (Paris day). */
export function parseDeclaration(kind: JournalKind, raw: { departements?: string; list?: string; date?: string }, today: string): Parsed {
  if (!raw.departements) {
    if (raw.list || raw.date) return { ok: false, message: 'liste ou date de complétude données sans départements : précisez lesquels (ex. liste_complete=44,49).' };
    return { ok: true, value: null };
  }
  const departements = [...new Set(raw.departements.split(/[,\s]+/).map((d) => d.trim().toUpperCase()).filter(Boolean))].sort();
  const bad = departements.filter((d) => !/^(\d{2}|2[AB]|97\d)$/.test(d));
  if (departements.length === 0 || bad.length > 0) return { ok: false, message: `départements de la liste complète illisibles : ${bad.join(', ') || raw.departements} (codes attendus : 44, 2A, 974…).` };
  const list = (raw.list ?? DEFAULT_LIST[kind]) as CompleteList | undefined;
  if (!list) {
    return kind === 'liste-complete'
      ? { ok: false, message: `nommez la liste déclarée complète (liste=${COMPLETE_LISTS.join('|')}, ou --liste en ligne de commande).` }
      : { ok: false, message: `un import « ${kind} » ne complète aucune liste par lui-même : nommez-la (liste=${COMPLETE_LISTS.join('|')}).` };
  }
  if (!COMPLETE_LISTS.includes(list)) return { ok: false, message: `liste « ${raw.list} » inconnue : ${COMPLETE_LISTS.join(', ')}.` };
  const date = raw.date ?? today;
  if (!isValidDay(date)) return { ok: false, message: `date de complétude « ${date} » illisible : AAAA-MM-JJ attendu.` };
  return { ok: true, value: { list, departements, date } };
}

export const declarationText = (d: CompletenessDeclaration) =>
  `liste ${LIST_LABELS[d.list]} déclarée complète au ${d.date} pour ${d.departements.length > 1 ? 'les départements' : 'le département'} ${d.departements.join(', ')}`;
