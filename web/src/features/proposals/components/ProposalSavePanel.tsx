/**
 * The coordinator's side of the draft mode: save the draft as a proposal (communes added and
 * removed, a comment), reopen and change it, submit it to the ARS; the state of each proposal of
 * the CPTS, with the reason of a refusal. The draft itself stays in the address (use-cpts-draft).
 */
import { useEffect, useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { patchParams } from '../../../app/url-state';
import type { DraftChange } from '../../cpts-draft/draft-logic';
import { STATE_LABELS, useProposalWrites, type Proposal } from '../api/proposals';
import { ProposalList } from './ProposalList';

const same = (a: string[], b: string[]) => a.join(',') === b.join(',');

export function ProposalSavePanel({ cptsId, change, current, proposals }: { cptsId: string; change: DraftChange; current: Proposal | null; proposals: Proposal[] }) {
  const writes = useProposalWrites();
  const [comment, setComment] = useState(current?.commentaire ?? '');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setComment(current?.commentaire ?? ''), [current?.id]);
  const editable = !current || current.etat === 'brouillon' || current.etat === 'refusée';
  const changed = change.added.length + change.removed.length > 0;
  const input = { ajouts: change.added, retraits: change.removed, commentaire: comment.trim() || null };
  const unsaved = !current || !same(current.ajouts, change.added) || !same(current.retraits, change.removed) || (current.commentaire ?? '') !== comment.trim();
  const busy = writes.create.isPending || writes.update.isPending || writes.submit.isPending;
  const error = writes.create.error ?? writes.update.error ?? writes.submit.error;

  const save = async (): Promise<Proposal> => {
    if (current && editable && !unsaved) return current;
    const p = current && editable ? await writes.update.mutateAsync({ id: current.id, revision: current.revision, ...input }) : await writes.create.mutateAsync({ cpts: cptsId, ...input });
    patchParams({ proposition: p.id }, { replace: true });
    return p;
  };
  const onSave = async () => {
    const p = await save();
    setMessage(`Proposition enregistrée (${STATE_LABELS[p.etat].toLowerCase()}).`);
  };
  const onSubmit = async () => {
    const p = await save();
    await writes.submit.mutateAsync({ id: p.id, revision: p.revision });
    setMessage('Proposition soumise à l’ARS.');
  };

  return (
    <section className="maillage-proposal fr-mt-3w" aria-labelledby="proposition-titre">
      <h2 id="proposition-titre" className="fr-h6 fr-mb-1w">Proposition à l’ARS</h2>
      {current && <p className="fr-text--sm">Proposition {current.id} — <strong>{STATE_LABELS[current.etat]}</strong>{current.motif && current.etat === 'refusée' ? ` : ${current.motif}` : ''}</p>}
      {!editable && <Alert severity="info" small description="Cette proposition n’est plus modifiable. Partez du périmètre actuel pour en faire une nouvelle." className="fr-mb-1w" />}
      <Input label="Commentaire pour l’ARS" textArea nativeTextAreaProps={{ value: comment, onChange: (e) => setComment(e.target.value), rows: 3, maxLength: 2000 }} disabled={!editable} />
      <div className="maillage-exports__actions">
        <Button size="small" onClick={onSave} disabled={!changed || busy || !editable}>{current && editable ? 'Enregistrer les modifications' : 'Enregistrer la proposition'}</Button>
        <Button size="small" priority="secondary" onClick={onSubmit} disabled={!changed || busy || !editable}>Soumettre à l’ARS</Button>
        {current && <Button size="small" priority="tertiary" onClick={() => patchParams({ proposition: null, ajouts: null, retraits: null })}>Nouvelle proposition</Button>}
      </div>
      <p role="status" className="fr-text--sm">{message}</p>
      {error && <Alert severity="error" small description={error.message} className="fr-mb-1w" />}
      <ProposalList caption="Propositions de la CPTS" proposals={proposals} action={(p) => (p.etat === 'brouillon' || p.etat === 'refusée' ? 'Rouvrir' : 'Voir')} />
    </section>
  );
}
