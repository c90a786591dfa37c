/**
 * Which FINESS establishment categories the application keeps, and as what. MSP, centres de
 * santé and CPTS have their own codes; MMG have a category whose code we could not confirm, so
 * it is recognised by its label; hospitals are kept by code (kind AUTRE) because they carry
 * emergency departments and are the reference points of unscheduled care.
 */
import type { StructureKind } from '../db/care-schema';

export const FINESS_MSP = '603';
export const FINESS_CDS = '124';
export const FINESS_CPTS = '604';

/** Hospital categories kept (kind AUTRE, code kept in `finess_category`). */
export const HOSPITAL_CATEGORIES: Record<string, string> = {
  '101': 'Centre Hospitalier Régional (C.H.R.)',
  '106': 'Centre hospitalier, ex Hôpital local',
  '114': 'Hôpital des armées',
  '128': 'Etablissement de Soins Chirurgicaux',
  '129': 'Etablissement de Soins Médicaux',
  '131': 'Centre de Lutte Contre Cancer',
  '355': 'Centre Hospitalier (C.H.)',
  '365': 'Etablissement de Soins Pluridisciplinaire',
};

const MMG_LABEL = /maison\s+m[ée]dicale\s+de\s+garde|\bM\.?M\.?G\b/i;

/** The structure kind of a FINESS category, or null when the category is outside the application. */
export function kindOfCategory(code: string, label: string): StructureKind | null {
  if (code === FINESS_MSP) return 'MSP';
  if (code === FINESS_CDS) return 'CDS';
  if (code === FINESS_CPTS) return 'CPTS_SIEGE';
  if (MMG_LABEL.test(label)) return 'MMG';
  if (code in HOSPITAL_CATEGORIES) return 'AUTRE';
  return null;
}
