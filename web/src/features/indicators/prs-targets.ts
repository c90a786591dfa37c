/**
 * Targets of the Projet régional de santé (PRS) shown against the indicators. Each ARS writes its
 * own: a région's entry replaces the national defaults for its territories. Values are shares
 * (0–1). The national defaults restate published national goals; they are examples to adapt, not
 * the targets of any particular PRS.
 */
export type TargetId = 'cpts' | 'sas' | 'mmg-su' | 'acces-30km';

export interface PrsTarget {
  id: TargetId;
  /** What is measured, as a sentence fragment. */
  label: string;
  /** Share to reach (0–1). */
  value: number;
  /** 'min': the indicator must reach at least the value; 'max': stay at most. */
  direction: 'min' | 'max';
  /** Where the target comes from. */
  source: string;
}

export const NATIONAL_TARGETS: PrsTarget[] = [
  { id: 'cpts', label: 'population couverte par une CPTS', value: 1, direction: 'min', source: 'objectif national de couverture de tout le territoire par des CPTS (Ma santé 2022), à préciser dans le PRS' },
  { id: 'sas', label: 'population couverte par un SAS', value: 1, direction: 'min', source: 'généralisation du SAS à tous les départements (Pacte de refondation des urgences), à préciser dans le PRS' },
  { id: 'mmg-su', label: 'sites d’urgence avec une MMG à moins de 10 km', value: 1, direction: 'min', source: 'exemple de cible PRS : une maison médicale de garde à proximité de chaque site d’urgence' },
  { id: 'acces-30km', label: 'population à plus de 30 km d’une offre de soins non programmés', value: 0, direction: 'max', source: 'exemple de cible PRS : aucun habitant à plus de 30 km par la route (distance estimée, à vol d’oiseau × 1,3)' },
];

/** Targets written by an ARS for its région (code → targets). Empty: the national defaults apply. */
export const REGIONAL_TARGETS: Record<string, PrsTarget[]> = {};

export function targetsFor(regionCode: string | null): PrsTarget[] {
  return (regionCode && REGIONAL_TARGETS[regionCode]) || NATIONAL_TARGETS;
}

export function targetMet(t: PrsTarget, share: number | null): boolean | null {
  if (share === null) return null;
  return t.direction === 'min' ? share >= t.value - 1e-9 : share <= t.value + 1e-9;
}
