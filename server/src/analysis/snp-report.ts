/**
 * The SNP access of a territory as the API answers it: the offers kept (open at an instant or
 * not, unknown hours excluded or counted), the distance of every commune to the nearest one
 * (snp-access.ts), and where the offer and MMG lists are complete. Pure: the care offer in, the
 * report out — run on an analysis worker (workers/analysis-tasks.ts).
 */
import type { CommuneRef, StructureRecord } from './inputs';
import type { CompletenessRecord } from './completeness';
import { completeDepartements, completenessSummary } from './completeness';
import { snpAccess } from './snp-access';
import { selectSnpOffers } from './snp-offers';

export interface SnpParams {
  thresholdKm: number;
  suMmgKm: number;
  unknownHours: 'exclude' | 'include';
}

export interface SnpCare {
  structures: StructureRecord[];
  completeness: CompletenessRecord[];
}

export function snpReport(care: SnpCare, communes: CommuneRef[], at: Date | null, q: SnpParams, names: ReadonlyMap<string, string>) {
  const selection = selectSnpOffers(care.structures, { at, unknownHours: q.unknownHours });
  const completeSnp = completeDepartements(care.completeness, 'snp');
  const completeMmg = completeDepartements(care.completeness, 'mmg');
  const access = snpAccess(communes, selection.offers, care.structures, { thresholdKm: q.thresholdKm, suWithoutMmgKm: q.suMmgKm, completeSnp, completeMmg });
  const parType: Record<string, number> = {};
  for (const o of selection.offers) parType[o.kind] = (parType[o.kind] ?? 0) + 1;
  return {
    selection,
    body: {
      instant: at?.toISOString() ?? null,
      offres: {
        retenues: selection.offers.length, parType, fermees: selection.closed,
        horairesInconnusEcartees: selection.unknown, horairesInconnusComptees: selection.unknownIncluded, politiqueHorairesInconnus: q.unknownHours,
        definition: "Offres de soins non programmés : MMG, sites d'urgence (SU) et MSP ou centres de santé déclarant accueillir des soins non programmés. Un SU sans horaires est supposé ouvert 24 h/24.",
      },
      donneesDemonstration: selection.offers.some((o) => o.demo),
      completude: {
        snp: completenessSummary(communes, completeSnp, 'snp', names, `distance « à plus de ${q.thresholdKm} km » calculée`),
        mmg: completenessSummary(communes, completeMmg, 'mmg', names, '« SU sans MMG » calculé'),
      },
      ...access,
    },
  };
}

export type SnpReport = ReturnType<typeof snpReport>;
