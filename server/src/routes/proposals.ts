/**
 * CPTS perimeter proposals (services/proposals.ts; who may do what: policy/policy.ts):
 * GET  /api/propositions?cpts=&etat=      those the user may see, with conflicts between open ones;
 * GET  /api/propositions/:id
 * POST /api/propositions                  { cpts, ajouts, retraits, commentaire } → 201 (draft)
 * PUT  /api/propositions/:id              { revision, ajouts, retraits, commentaire } (draft or refused)
 * POST /api/propositions/:id/soumettre    { revision }
 * POST /api/propositions/:id/valider      { revision, aPartirDu?, motif? }
 * POST /api/propositions/:id/refuser      { revision, motif }
 * A lost race (the proposal changed since `revision`) is a 409 and writes nothing.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { PROPOSAL_STATES } from '../db/state-schema';
import type { ProposalView } from '../services/proposals';
import { createProposal, decideProposal, submitProposal, updateProposal, visibleProposals } from '../services/proposals';
import { notFound } from '../lib/api-error';
import { validate } from '../lib/validate';
import { DAY_MESSAGE } from '../scope/request-scope';
import { isValidDay } from '../analysis/partial-date';
import { communeCode } from './params';
import { regionsOf } from './policy-refs';

const codes = z.array(communeCode).max(2000).default([]).transform((l) => [...new Set(l)].sort());
const comment = z.string().trim().max(2000).nullish().transform((s) => s || null);
const change = z.object({ ajouts: codes, retraits: codes, commentaire: comment });
const revision = z.number({ message: 'revision attendue (nombre)' }).int().min(1);
const idParam = z.object({ id: z.string().trim().min(1).max(100) });

export function proposalItem(p: ProposalView) {
  return {
    id: p.id, cpts: p.cptsId, etat: p.state, ajouts: p.added, retraits: p.removed, commentaire: p.comment, departements: p.departements,
    auteur: p.author, creeeLe: p.createdAt, modifieeLe: p.updatedAt, soumiseLe: p.submittedAt, decideePar: p.decidedBy, decideeLe: p.decidedAt,
    motif: p.reason, aPartirDu: p.validFrom, revision: p.revision, conflits: p.conflicts,
  };
}

export const proposalRoutes = new Hono<AppEnv>()
  .get('/propositions', validate('query', z.object({ cpts: z.string().trim().min(1).max(100).optional(), etat: z.enum(PROPOSAL_STATES).optional() })), async (c) => {
    const q = c.req.valid('query');
    const rows = await visibleProposals(c.get('state'), c.get('scope'), await regionsOf(c), { cptsId: q.cpts, state: q.etat });
    return c.json({ propositions: rows.map(proposalItem), total: rows.length });
  })
  .get('/propositions/:id', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const [row] = (await visibleProposals(c.get('state'), c.get('scope'), await regionsOf(c), {})).filter((p) => p.id === id);
    if (!row) throw notFound(`Proposition « ${id} » inconnue (ou hors de votre territoire).`);
    return c.json({ proposition: proposalItem(row) });
  })
  .post('/propositions', validate('json', change.extend({ cpts: z.string().trim().min(1).max(100) })), async (c) => {
    const b = c.req.valid('json');
    const p = await createProposal(c.get('db'), c.get('state'), c.get('scope'), b.cpts, { added: b.ajouts, removed: b.retraits, comment: b.commentaire });
    return c.json({ proposition: proposalItem({ ...p, conflicts: [] }) }, 201);
  })
  .put('/propositions/:id', validate('param', idParam), validate('json', change.extend({ revision })), async (c) => {
    const b = c.req.valid('json');
    const p = await updateProposal(c.get('db'), c.get('state'), c.get('scope'), c.req.valid('param').id, b.revision, { added: b.ajouts, removed: b.retraits, comment: b.commentaire });
    return c.json({ proposition: proposalItem({ ...p, conflicts: [] }) });
  })
  .post('/propositions/:id/soumettre', validate('param', idParam), validate('json', z.object({ revision })), async (c) => {
    const p = await submitProposal(c.get('state'), c.get('scope'), c.req.valid('param').id, c.req.valid('json').revision);
    return c.json({ proposition: proposalItem({ ...p, conflicts: [] }) });
  })
  .post('/propositions/:id/valider', validate('param', idParam), validate('json', z.object({
    revision,
    aPartirDu: z.string().refine(isValidDay, DAY_MESSAGE).optional(),
    motif: comment,
  })), async (c) => {
    const b = c.req.valid('json');
    const p = await decideProposal(c.get('db'), c.get('state'), c.get('scope'), await regionsOf(c), c.req.valid('param').id, { decision: 'validée', revision: b.revision, reason: b.motif, validFrom: b.aPartirDu ?? null });
    return c.json({ proposition: proposalItem({ ...p, conflicts: [] }) });
  })
  .post('/propositions/:id/refuser', validate('param', idParam), validate('json', z.object({ revision, motif: z.string().trim().min(1, 'motif requis').max(2000) })), async (c) => {
    const b = c.req.valid('json');
    const p = await decideProposal(c.get('db'), c.get('state'), c.get('scope'), await regionsOf(c), c.req.valid('param').id, { decision: 'refusée', revision: b.revision, reason: b.motif, validFrom: null });
    return c.json({ proposition: proposalItem({ ...p, conflicts: [] }) });
  });
