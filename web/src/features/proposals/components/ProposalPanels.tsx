/** Under the draft figures of a CPTS: the coordinator's save/submit panel, or the ARS delegate's review of the opened proposal. */
import { useSearchParams } from '../../../app/url-state';
import { hasRole, useSession } from '../../auth/api/get-session';
import type { DraftChange } from '../../cpts-draft/draft-logic';
import { useProposals } from '../api/proposals';
import { ProposalReviewPanel } from './ProposalReviewPanel';
import { ProposalSavePanel } from './ProposalSavePanel';

export function ProposalPanels({ cptsId, change }: { cptsId: string; change: DraftChange }) {
  const session = useSession();
  const id = useSearchParams().get('proposition');
  const coordinator = hasRole(session.data, 'coordinateur', (t) => t === `cpts:${cptsId}`);
  const signedIn = Boolean(session.data?.utilisateur?.roles.length);
  const proposals = useProposals({ cpts: cptsId }, signedIn);
  if (!signedIn || !proposals.data) return null;
  const current = proposals.data.propositions.find((p) => p.id === id) ?? null;
  if (coordinator) return <ProposalSavePanel cptsId={cptsId} change={change} current={current} proposals={proposals.data.propositions} />;
  return current ? <ProposalReviewPanel proposal={current} /> : null;
}
