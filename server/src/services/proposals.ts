/**
 * Perimeter proposals, `(db, state, scope, params) → result`: a coordinator writes a proposal (communes
 * added and removed, a comment), reopens and changes it, submits it; an ARS delegate of a
 * département concerned validates it — it becomes the CPTS's perimeter from a day, as a new
 * version in the state store — or refuses it with a reason, and the coordinator may change and
 * resubmit it. Every step is checked by the policy first, written with a conditional update on
 * the proposal's revision in one PostgreSQL transaction with its audit entry: a refused or lost
 * step writes nothing. `db` is the data version (communes, CPTS perimeters), `state` the store.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/connection';
import { cptsCommunes, cptsSummary } from '../db/cpts-queries';
import { appendAudit } from '../db/audit-queries';
import { departementsOf } from '../db/cpts-state-queries';
import { getProposal, insertProposal, listProposals, updateProposalIf, type ProposalRow } from '../db/proposal-queries';
import { announce, stateChanges } from '../db/state-changes';
import { mirrorCurrent, syncStateMirror } from '../db/state-mirror';
import type { ProposalState } from '../db/state-schema';
import { bumpStateVersion, lockStateVersion, type StateSql, type StateStore } from '../db/state-store';
import { appendVersion, listVersions } from '../db/version-queries';
import { crashPoint } from '../lib/crash-point';
import { ApiError, badRequest, notFound } from '../lib/api-error';
import { parisDay } from '../lib/attachment';
import { policy, type RegionOf } from '../policy/policy';
import type { RequestScope } from '../scope/request-scope';
import { actorLabel } from './actor-label';

export interface ProposalChange {
  added: string[];
  removed: string[];
  comment: string | null;
}

const summary = (p: { added: string[]; removed: string[] }) =>
  `${p.added.length} commune(s) ajoutée(s)${p.added.length ? ` (${p.added.join(', ')})` : ''}, ${p.removed.length} retirée(s)${p.removed.length ? ` (${p.removed.join(', ')})` : ''}`;

/** The client's revision is not the proposal's (read now, or at the conditional update): someone else wrote first. */
const conflict = () => new ApiError(409, 'conflit', 'La proposition a changé entre-temps (une autre décision ou modification l\'a précédée) : rechargez-la. Rien n\'a été modifié.');

/** Checks the change against the perimeter at `date` and returns the départements concerned. */
async function checkChange(db: Database, cptsId: string, change: ProposalChange, date: string): Promise<string[]> {
  const current = await cptsCommunes(db, cptsId, true, date);
  const inside = new Set(current.map((m) => m.code));
  const deps = await departementsOf(db, [...change.added, ...change.removed]);
  const issues = [
    ...[...change.added, ...change.removed].filter((c) => !deps.has(c)).map((c) => ({ path: 'communes', message: `commune ${c} inconnue` })),
    ...change.added.filter((c) => inside.has(c)).map((c) => ({ path: 'ajouts', message: `${c} est déjà dans le périmètre` })),
    ...change.removed.filter((c) => !inside.has(c)).map((c) => ({ path: 'retraits', message: `${c} n'est pas dans le périmètre` })),
    ...change.added.filter((c) => change.removed.includes(c)).map((c) => ({ path: 'ajouts', message: `${c} à la fois ajoutée et retirée` })),
  ];
  if (change.added.length + change.removed.length === 0) issues.push({ path: 'communes', message: 'aucune commune ajoutée ni retirée' });
  if (issues.length > 0) throw badRequest(`Proposition invalide : ${issues.map((i) => i.message).join(' ; ')}.`, issues);
  return [...new Set([...current.map((m) => m.departement), ...deps.values()])].sort();
}

async function loadFor(state: StateSql, id: string): Promise<ProposalRow> {
  const p = await getProposal(state, id);
  if (!p) throw notFound(`Proposition « ${id} » inconnue.`);
  return p;
}

export async function createProposal(db: Database, state: StateStore, scope: RequestScope, cptsId: string, change: ProposalChange): Promise<ProposalRow> {
  policy.writeProposal(scope.actor, cptsId);
  await mirrorCurrent(db, state);
  if (!(await cptsSummary(db, cptsId, true, scope.date))) throw notFound(`CPTS « ${cptsId} » inconnue.`);
  const departements = await checkChange(db, cptsId, change, parisDay());
  const now = new Date().toISOString();
  const p: ProposalRow = {
    id: `prop-${randomUUID().slice(0, 8)}`, cptsId, state: 'brouillon', ...change, departements, author: actorLabel(scope.actor),
    createdAt: now, updatedAt: now, submittedAt: null, decidedBy: null, decidedAt: null, reason: null, validFrom: null, revision: 1,
  };
  await state.transaction(async (tx) => {
    await insertProposal(tx, p);
    await appendAudit(tx, { action: 'proposition.creation', actor: p.author, target: p.id, departements, before: null, after: `brouillon : ${summary(p)}`, detail: `CPTS ${cptsId}${p.comment ? ` — ${p.comment}` : ''}` });
    await announce(tx, { kind: 'propositions' });
  });
  return p;
}

/** Changes a draft or a refused proposal (which becomes a draft again). */
export async function updateProposal(db: Database, state: StateStore, scope: RequestScope, id: string, revision: number, change: ProposalChange): Promise<ProposalRow> {
  const p = await loadFor(state, id);
  policy.writeProposal(scope.actor, p.cptsId);
  if (p.revision !== revision) throw conflict();
  if (!['brouillon', 'refusée'].includes(p.state)) throw new ApiError(409, 'etat', `Proposition ${p.state} : elle ne peut plus être modifiée.`);
  await mirrorCurrent(db, state);
  const departements = await checkChange(db, p.cptsId, change, parisDay());
  return state.transaction(async (tx) => {
    const next = await updateProposalIf(tx, id, revision, ['brouillon', 'refusée'], { ...change, departements, state: 'brouillon', updatedAt: new Date().toISOString() });
    if (!next) throw conflict();
    await appendAudit(tx, { action: 'proposition.modification', actor: actorLabel(scope.actor), target: id, departements, before: `${p.state} : ${summary(p)}`, after: `brouillon : ${summary(next)}`, detail: `CPTS ${p.cptsId}` });
    await announce(tx, { kind: 'propositions' });
    return next;
  });
}

export async function submitProposal(state: StateStore, scope: RequestScope, id: string, revision: number): Promise<ProposalRow> {
  const p = await loadFor(state, id);
  policy.writeProposal(scope.actor, p.cptsId);
  if (p.revision !== revision) throw conflict();
  if (!['brouillon', 'refusée'].includes(p.state)) throw new ApiError(409, 'etat', `Proposition ${p.state} : elle ne peut pas être soumise.`);
  return state.transaction(async (tx) => {
    const now = new Date().toISOString();
    const next = await updateProposalIf(tx, id, revision, ['brouillon', 'refusée'], { state: 'soumise', submittedAt: now, updatedAt: now });
    if (!next) throw conflict();
    await appendAudit(tx, { action: 'proposition.soumission', actor: actorLabel(scope.actor), target: id, departements: p.departements, before: p.state, after: `soumise : ${summary(p)}`, detail: `CPTS ${p.cptsId}` });
    await announce(tx, { kind: 'propositions' });
    return next;
  });
}

export async function decideProposal(
  db: Database, state: StateStore, scope: RequestScope, regionOf: RegionOf, id: string,
  d: { decision: 'validée' | 'refusée'; revision: number; reason: string | null; validFrom: string | null },
): Promise<ProposalRow> {
  const p = await loadFor(state, id);
  policy.decideProposal(scope.actor, p.departements, regionOf);
  if (p.revision !== d.revision) throw conflict();
  if (p.state !== 'soumise') throw new ApiError(409, 'etat', `Proposition ${p.state} : seule une proposition soumise peut être validée ou refusée.`);
  if (d.decision === 'refusée' && !d.reason) throw badRequest('Refus sans motif : indiquez la raison du refus.', [{ path: 'motif', message: 'motif requis' }]);
  const who = actorLabel(scope.actor);
  const validFrom = d.decision === 'validée' ? (d.validFrom ?? parisDay()) : null;
  let written: number | null = null;
  const next = await state.transaction(async (tx) => {
    const now = new Date().toISOString();
    const next = await updateProposalIf(tx, id, d.revision, ['soumise'], { state: d.decision, decidedBy: who, decidedAt: now, reason: d.reason, validFrom, updatedAt: now });
    if (!next) throw conflict();
    let after = `${d.decision}${d.reason ? ` — motif : ${d.reason}` : ''}`;
    if (validFrom) {
      // Writers of versions follow one another: this one reads the perimeter as the last one left it.
      const current = await lockStateVersion(tx);
      await syncStateMirror(db, tx, current, { own: true });
      const last = (await listVersions(tx, p.cptsId)).at(-1);
      if (last && validFrom < last.validFrom) {
        throw badRequest(`Date d'effet antérieure à la version ${last.version} du périmètre (en vigueur depuis le ${last.validFrom}) : choisissez le ${last.validFrom} ou après.`, [{ path: 'aPartirDu', message: `au plus tôt le ${last.validFrom}` }]);
      }
      const cpts = await cptsSummary(db, p.cptsId, true, validFrom);
      const members = (await cptsCommunes(db, p.cptsId, true, validFrom)).filter((m) => !p.removed.includes(m.code)).map((m) => ({ commune: m.code, coverage: m.coverage }));
      for (const c of p.added) members.push({ commune: c, coverage: 'entière' });
      const version = await appendVersion(tx, {
        cptsId: p.cptsId, validFrom, status: cpts!.status, statusDate: cpts!.statusDate, origin: 'proposition', proposalId: id,
        added: p.added, removed: p.removed, createdBy: who, createdAt: now, members,
      });
      written = await bumpStateVersion(tx);
      await announce(tx, { kind: 'versions', stateVersion: written });
      after += ` : version ${version} du périmètre (${members.length} communes) à partir du ${validFrom}`;
    }
    await appendAudit(tx, { action: d.decision === 'validée' ? 'proposition.validation' : 'proposition.refus', actor: who, target: id, departements: p.departements, before: `soumise : ${summary(p)}`, after, detail: `CPTS ${p.cptsId}` });
    await announce(tx, { kind: 'propositions' });
    crashPoint('decision-ecrite');
    return next;
  });
  crashPoint('decision-validee');
  if (written !== null) {
    (await stateChanges(state)).advance(written);
    await syncStateMirror(db, state, written);
  }
  return next;
}

export interface ProposalView extends ProposalRow {
  /** Other submitted proposals touching the same communes (flagged to both reviewers). */
  conflicts: { id: string; cptsId: string; communes: string[] }[];
}

/** Proposals the actor may see, with the conflicts between open (submitted) ones. */
export async function visibleProposals(state: StateSql, scope: RequestScope, regionOf: RegionOf, f: { cptsId?: string; state?: ProposalState }): Promise<ProposalView[]> {
  const visible = policy.readProposals(scope.actor, regionOf);
  const all = await listProposals(state);
  const open = all.filter((p) => p.state === 'soumise');
  const touched = (p: ProposalRow) => new Set([...p.added, ...p.removed]);
  return all
    .filter((p) => visible(p) && (!f.cptsId || p.cptsId === f.cptsId) && (!f.state || p.state === f.state))
    .map((p) => {
      const mine = touched(p);
      const conflicts = p.state !== 'soumise' ? [] : open
        .filter((o) => o.id !== p.id)
        .map((o) => ({ id: o.id, cptsId: o.cptsId, communes: [...touched(o)].filter((c) => mine.has(c)).sort() }))
        .filter((o) => o.communes.length > 0);
      return { ...p, conflicts };
    });
}
