/**
 * Which lists of structures are complete in a set of départements, by the « liste complète au
 * <date> » declarations: the MSP and centres de santé (list `msp-cds`, declared by the national
 * FINESS extraction or an ARS), the MMG (`mmg`), the SNP offers as a whole (`snp`). A list is
 * complete for the set only where each of its départements was declared; the others are said
 * « non déclarée complète » (not known), never « aucune ». The CPTS are not structures: their list
 * is `cpts` (cpts-coverage.ts), and a CPTS known from FINESS has no perimeter. Pure.
 */
import type { CompleteList, StructureKind } from '../db/care-schema';
import type { CompletenessRecord } from './completeness';

export interface OfferList {
  liste: CompleteList;
  libelle: string;
  categories: StructureKind[];
}

/** The structure lists, in the order they are said. */
export const OFFER_LISTS: OfferList[] = [
  { liste: 'msp-cds', libelle: 'MSP et centres de santé', categories: ['MSP', 'CDS'] },
  { liste: 'mmg', libelle: 'maisons médicales de garde', categories: ['MMG'] },
  { liste: 'snp', libelle: 'offres de soins non programmés (toutes)', categories: ['MMG', 'SU', 'MSP', 'CDS'] },
];

export interface OfferListCompleteness extends OfferList {
  /** Every département of the set is declared: the list is complete there. */
  complete: boolean;
  departementsComplets: { code: string; date: string; source: string }[];
  departementsNonDeclares: string[];
  /** « complète au 2026-05-12 (FINESS, extraction Etalab du 2026-05-12 …) », « complète au … dans 2 départements sur 5 », « non déclarée complète ». */
  phrase: string;
}

const span = (dates: string[]) => {
  const sorted = [...new Set(dates)].sort();
  return sorted.length === 1 ? `au ${sorted[0]}` : `du ${sorted[0]} au ${sorted.at(-1)}`;
};

export function offerListsCompleteness(departements: readonly string[], records: readonly CompletenessRecord[]): OfferListCompleteness[] {
  const codes = [...new Set(departements)].sort();
  return OFFER_LISTS.map((list) => {
    const declared = new Map(records.filter((r) => r.list === list.liste).map((r) => [r.departement, r]));
    const done = codes.filter((d) => declared.has(d)).map((code) => ({ code, date: declared.get(code)!.date, source: declared.get(code)!.source }));
    const missing = codes.filter((d) => !declared.has(d));
    const sources = [...new Set(done.map((d) => d.source))];
    const origin = sources.length === 1 ? ` (${sources[0]})` : '';
    const phrase = done.length === 0
      ? 'non déclarée complète'
      : missing.length === 0
        ? `complète ${span(done.map((d) => d.date))}${origin}`
        : `complète ${span(done.map((d) => d.date))} dans ${done.length} département${done.length > 1 ? 's' : ''} sur ${codes.length}${origin} ; non déclarée complète ailleurs`;
    return { ...list, complete: codes.length > 0 && missing.length === 0, departementsComplets: done, departementsNonDeclares: missing, phrase };
  });
}

/** One sentence for a legend: « MSP et centres de santé : complète au … ; maisons médicales de garde : non déclarée complète ; … ». */
export const offerCompletenessSentence = (lists: OfferListCompleteness[]) => lists.map((l) => `${l.libelle} : liste ${l.phrase}`).join(' ; ');
