/**
 * « Propositions » : for an ARS delegate, the queue of the proposals of their territory (submitted
 * first, conflicts flagged), each opened on the CPTS page with its effect on the map; for a
 * coordinator, the proposals of their CPTS and their state.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { hasRole, useSession } from '../../auth/api/get-session';
import { useProposals } from '../api/proposals';
import { ProposalList } from './ProposalList';

export function ProposalQueuePage() {
  const session = useSession();
  const signedIn = Boolean(session.data?.utilisateur);
  const proposals = useProposals({}, signedIn);
  const ars = hasRole(session.data, 'délégué ARS');
  if (session.data && !signedIn) return <div className="fr-container fr-my-4w"><Alert severity="info" title="Connexion requise" description="Connectez-vous pour voir les propositions de périmètre." /></div>;
  return (
    <div className="fr-container fr-my-4w maillage-page">
      <h1>{ars ? 'Propositions de périmètre à examiner' : 'Mes propositions de périmètre'}</h1>
      <QueryStatus query={proposals} what="les propositions">
        {(d) => (
          <>
            <ProposalList caption="Soumises, en attente de décision" showCpts proposals={d.propositions.filter((p) => p.etat === 'soumise')} action={() => (ars ? 'Examiner sur la carte' : 'Voir')} />
            <ProposalList caption="Brouillons et décisions" showCpts proposals={d.propositions.filter((p) => p.etat !== 'soumise')} action={() => 'Voir sur la carte'} />
          </>
        )}
      </QueryStatus>
    </div>
  );
}
