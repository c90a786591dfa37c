/** Protocoles de coopération deployed by the CPTS or by a structure on its territory. */
import { useQueries } from '@tanstack/react-query';
import { deploymentsQuery, useProtocols } from '../../protocols/api/list-protocols';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

export function CptsProtocols({ cptsId, structureIds }: { cptsId: string; structureIds: Set<string> }) {
  const protocols = useProtocols();
  const ids = protocols.data?.protocoles.map((p) => p.id) ?? [];
  const deployments = useQueries({ queries: ids.map((id) => deploymentsQuery(id)) });
  const pending = protocols.isPending || deployments.some((d) => d.isPending);
  const rows = deployments.flatMap((q) => {
    if (!q.data) return [];
    const here = q.data.deploiements.filter((d) => d.cpts?.id === cptsId || (d.structure && structureIds.has(d.structure.id)));
    return here.length > 0 ? [{ protocole: q.data.protocole, here }] : [];
  });
  return (
    <section aria-labelledby="protocoles-cpts-titre" className="fr-mb-2w">
      <h2 id="protocoles-cpts-titre" className="fr-h6 fr-mb-1w">Protocoles de coopération déployés</h2>
      {protocols.isError && <p className="fr-error-text">Protocoles indisponibles : {protocols.error.message}</p>}
      {pending ? <p className="fr-text--sm maillage-loading" role="status">Chargement des protocoles…</p> : rows.length === 0 ? (
        <p className="fr-text--sm maillage-empty">Aucun déploiement connu sur ce territoire (les déploiements ne sont connus que s’ils ont été importés).</p>
      ) : (
        <ul className="fr-text--sm">
          {rows.map((r) => (
            <li key={r.protocole.id}>
              {r.protocole.titre} — {r.here.map((d) => (d.cpts ? 'la CPTS' : d.structure!.nom)).join(', ')}
              {r.here.some((d) => d.demonstration) && <> <DemoBadge /></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
