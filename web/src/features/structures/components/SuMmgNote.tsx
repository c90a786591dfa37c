/**
 * Under an emergency site's card: its nearest MMG and the estimated road distance when none is
 * within the threshold (10 km), from the same access analysis as the « Sites d'urgence avec une
 * MMG à moins de 10 km » figure (cached query, no second computation).
 */
import { useSnpAccess } from '../../access/api/get-snp-access';
import { formatDecimal } from '../../../lib/format';

export function SuMmgNote({ suId, territory }: { suId: string; territory: string }) {
  const access = useSnpAccess(territory, true);
  if (!access.data) return <p className="fr-text--xs fr-mb-1v maillage-loading" role="status">MMG la plus proche : calcul…</p>;
  const { seuilKm, liste } = access.data.suSansMmg;
  const without = liste.find((s) => s.id === suId);
  if (!without) return <p className="fr-text--xs fr-mb-1v">Une MMG à moins de {seuilKm} km (distance routière estimée).</p>;
  return (
    <p className="fr-text--xs fr-mb-1v maillage-su-mmg">
      Pas de MMG à moins de {seuilKm} km. MMG la plus proche : {without.mmgLaPlusProche ? `${without.mmgLaPlusProche.nom}, à ${formatDecimal(without.mmgLaPlusProche.distanceRouteKm)} km par la route (estimée)` : 'aucune connue'}.
    </p>
  );
}
