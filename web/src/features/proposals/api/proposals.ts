/** Perimeter proposals: the list the user may see, and the writes (save, submit, validate, refuse). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const proposalsQuery = (f: { cpts?: string } = {}) =>
  queryOptions({
    queryKey: ['propositions', 'list', f.cpts ?? null],
    queryFn: async () => read(await api.propositions.$get({ query: f.cpts ? { cpts: f.cpts } : {} })),
  });

export const useProposals = (f: { cpts?: string } = {}, enabled = true) => useQuery({ ...proposalsQuery(f), enabled });

export type Proposal = Awaited<ReturnType<NonNullable<ReturnType<typeof proposalsQuery>['queryFn']>>>['propositions'][number];

export interface ProposalInput {
  ajouts: string[];
  retraits: string[];
  commentaire: string | null;
}

/** Every proposal write, then the lists, the CPTS (a validation changes its perimeter) and the session are refetched. */
export function useProposalWrites() {
  const qc = useQueryClient();
  const done = () => Promise.all([qc.invalidateQueries({ queryKey: ['propositions'] }), qc.invalidateQueries({ queryKey: ['cpts'] }), qc.invalidateQueries({ queryKey: ['coverage'] })]);
  const pick = (r: { proposition: Proposal }) => r.proposition;
  return {
    create: useMutation({ mutationFn: async (v: ProposalInput & { cpts: string }) => pick(await read(await api.propositions.$post({ json: v }))), onSuccess: done }),
    update: useMutation({ mutationFn: async ({ id, ...v }: ProposalInput & { id: string; revision: number }) => pick(await read(await api.propositions[':id'].$put({ param: { id }, json: v }))), onSuccess: done }),
    submit: useMutation({ mutationFn: async ({ id, revision }: { id: string; revision: number }) => pick(await read(await api.propositions[':id'].soumettre.$post({ param: { id }, json: { revision } }))), onSuccess: done }),
    validate: useMutation({ mutationFn: async ({ id, revision, aPartirDu }: { id: string; revision: number; aPartirDu?: string }) => pick(await read(await api.propositions[':id'].valider.$post({ param: { id }, json: { revision, aPartirDu } }))), onSuccess: done }),
    refuse: useMutation({ mutationFn: async ({ id, revision, motif }: { id: string; revision: number; motif: string }) => pick(await read(await api.propositions[':id'].refuser.$post({ param: { id }, json: { revision, motif } }))), onSuccess: done }),
  };
}

export const STATE_LABELS: Record<Proposal['etat'], string> = { brouillon: 'Brouillon', soumise: 'Soumise à l’ARS', refusée: 'Refusée', validée: 'Validée' };
export const STATE_SEVERITY: Record<Proposal['etat'], 'info' | 'new' | 'error' | 'success'> = { brouillon: 'info', soumise: 'new', refusée: 'error', validée: 'success' };

/** The CPTS page in draft mode with the proposal's change (review or reopen). */
export const proposalPath = (p: Pick<Proposal, 'id' | 'cpts' | 'ajouts' | 'retraits'>) => {
  const q = new URLSearchParams({ brouillon: '1', proposition: p.id });
  if (p.ajouts.length) q.set('ajouts', p.ajouts.join(','));
  if (p.retraits.length) q.set('retraits', p.retraits.join(','));
  return `/cpts/${encodeURIComponent(p.cpts)}?${q.toString().replaceAll('%2C', ',')}`;
};
