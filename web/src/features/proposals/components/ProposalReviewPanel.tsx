/**
 * The ARS delegate's side of a proposal opened on the CPTS page: the draft figures above show its
 * effect (communes, population, overlaps created, zones blanches left); here its author, comment,
 * the other open proposals touching the same communes, and the decision — validate from a day, or
 * refuse with a reason.
 */
import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { STATE_LABELS, useProposalWrites, type Proposal } from '../api/proposals';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

export function ProposalReviewPanel({ proposal }: { proposal: Proposal }) {
  const writes = useProposalWrites();
  const [from, setFrom] = useState(today());
  const [reason, setReason] = useState('');
  const error = writes.validate.error ?? writes.refuse.error;
  const busy = writes.validate.isPending || writes.refuse.isPending;
  return (
    <section className="maillage-proposal fr-mt-3w" aria-labelledby="examen-titre">
      <h2 id="examen-titre" className="fr-h6 fr-mb-1w">Examen de la proposition {proposal.id}</h2>
      <p className="fr-text--sm">
        <strong>{STATE_LABELS[proposal.etat]}</strong> — proposée par {proposal.auteur}
        {proposal.commentaire && <> : « {proposal.commentaire} »</>}
      </p>
      {proposal.conflits.length > 0 && (
        <Alert severity="warning" small title="Conflit avec une autre proposition" description={proposal.conflits.map((c) => `${c.id} (CPTS ${c.cptsId}) touche aussi ${c.communes.join(', ')}`).join(' ; ')} className="fr-mb-1w" />
      )}
      {proposal.etat === 'soumise' ? (
        <>
          <Input label="Périmètre valable à partir du" nativeInputProps={{ type: 'date', value: from, onChange: (e) => setFrom(e.target.value) }} />
          <Button size="small" onClick={() => writes.validate.mutate({ id: proposal.id, revision: proposal.revision, aPartirDu: from })} disabled={busy || !from}>Valider la proposition</Button>
          <Input className="fr-mt-2w" label="Motif du refus" textArea nativeTextAreaProps={{ value: reason, onChange: (e) => setReason(e.target.value), rows: 3, maxLength: 2000 }} />
          <Button size="small" priority="secondary" onClick={() => writes.refuse.mutate({ id: proposal.id, revision: proposal.revision, motif: reason })} disabled={busy || reason.trim() === ''}>Refuser la proposition</Button>
        </>
      ) : (
        proposal.motif && <p className="fr-text--sm">{proposal.etat === 'refusée' ? 'Motif du refus' : 'Note'} : {proposal.motif}</p>
      )}
      <p role="status" className="fr-text--sm">{writes.validate.isSuccess ? 'Proposition validée : le périmètre de la CPTS a changé.' : writes.refuse.isSuccess ? 'Proposition refusée.' : ''}</p>
      {error && <Alert severity="error" small description={error.message} />}
    </section>
  );
}
