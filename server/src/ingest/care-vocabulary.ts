/**
 * The controlled values of the care tables as users write them: CPTS status, commune coverage,
 * SAS status, yes/no answers — each accepted without accents or case, with the usual synonyms.
 */
import { CPTS_STATUS_NOT_KNOWN, CPTS_STATUSES, SAS_STATUSES, SNP_FLAGS, type CptsStatus } from '../db/care-schema';
import { fold, oneOf, type Parsed } from './field-values';

export type Coverage = 'entière' | 'partielle';
export type SasStatus = (typeof SAS_STATUSES)[number];
export type SnpFlag = (typeof SNP_FLAGS)[number];

/** A CPTS status as written (« non renseigné » included, for filters); an empty one is refused as « vide ». */
export function cptsStatus(raw: string): Parsed<CptsStatus> {
  if (raw.trim() === '') return { ok: false, message: `statut de CPTS vide (valeurs : ${CPTS_STATUSES.join(', ')}, ou ${CPTS_STATUS_NOT_KNOWN})` };
  // « ACI signé / en fonctionnement » (as a CPTS writes it) is an ACI signed.
  const head = fold(raw).split(/\s*[/(]\s*/)[0]!;
  const parsed = oneOf<CptsStatus>(head, [...CPTS_STATUSES, CPTS_STATUS_NOT_KNOWN], 'statut de CPTS', {
    'pre projet': 'pré-projet', preprojet: 'pré-projet', 'lettre d intention': 'pré-projet',
    projet: 'projet de santé', 'projet de sante valide': 'projet de santé',
    aci: 'ACI signé', 'aci signee': 'ACI signé', 'contrat aci signe': 'ACI signé', 'en fonctionnement': 'ACI signé',
    inconnu: CPTS_STATUS_NOT_KNOWN, nc: CPTS_STATUS_NOT_KNOWN, 'non communique': CPTS_STATUS_NOT_KNOWN,
  });
  return parsed.ok ? parsed : { ok: false, message: `statut de CPTS « ${raw.trim()} » inconnu (valeurs : ${CPTS_STATUSES.join(', ')})` };
}

export const EMPTY_STATUS_WARNING =
  `statut vide : CPTS gardée avec le statut « ${CPTS_STATUS_NOT_KNOWN} » (comptée parmi toutes les CPTS, pas dans les filtres « projet de santé » ni « ACI signé »)`;

/**
 * The status of a CPTS in an imported file (CSV template, drawn perimeters): an empty one is not a
 * reason to refuse the CPTS (many ARS listings have the column and no value) — it is « non renseigné »,
 * with a warning; an unreadable one is refused.
 */
export function cptsStatusOfFile(raw: string): Parsed<{ status: CptsStatus; warning: string | null }> {
  if (raw.trim() === '') return { ok: true, value: { status: CPTS_STATUS_NOT_KNOWN, warning: EMPTY_STATUS_WARNING } };
  const parsed = cptsStatus(raw);
  return parsed.ok ? { ok: true, value: { status: parsed.value, warning: null } } : parsed;
}

/** « entière », « partielle », « partielle (quartiers ouest) » → coverage and its note. */
export function coverage(raw: string): Parsed<{ coverage: Coverage; note: string | null }> {
  const m = /^([^()]*?)\s*(?:\((.*)\))?\s*$/.exec(raw.trim());
  const head = m?.[1] ?? raw;
  const parsed = oneOf(head === '' ? 'entière' : head, ['entière', 'partielle'] as const, 'couverture', {
    entiere: 'entière', totale: 'entière', complete: 'entière', partiel: 'partielle',
  });
  return parsed.ok ? { ok: true, value: { coverage: parsed.value, note: m?.[2]?.trim() || null } } : parsed;
}

export function sasStatus(raw: string): Parsed<SasStatus> {
  return oneOf(raw, SAS_STATUSES, 'statut de SAS', {
    operationnel: 'opérationnel', ouvert: 'opérationnel', lance: 'opérationnel', deploye: 'opérationnel',
    'en preparation': 'en préparation', 'en cours': 'en préparation', 'en construction': 'en préparation',
    'site pilote': 'pilote', non: 'aucun', 'pas de sas': 'aucun',
  });
}

export function snpFlag(raw: string, fallback: SnpFlag): Parsed<SnpFlag> {
  if (raw.trim() === '') return { ok: true, value: fallback };
  return oneOf(raw, SNP_FLAGS, 'réponse', { o: 'oui', n: 'non', yes: 'oui', no: 'non', '1': 'oui', '0': 'non', 'ne sait pas': 'inconnu', probable: 'inconnu' });
}
