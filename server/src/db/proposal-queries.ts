/**
 * Perimeter proposals of the state store. Every change is a conditional update on the row's
 * `revision` (and state): of two reviewers deciding at once, the second updates no row and is
 * told so, inside the same transaction as the version it would have written.
 */
import type { Database } from './connection';
import type { ProposalState } from './state-schema';

export interface ProposalRow {
  id: string;
  cptsId: string;
  state: ProposalState;
  added: string[];
  removed: string[];
  comment: string | null;
  departements: string[];
  author: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  validFrom: string | null;
  revision: number;
}

const COLUMNS = `id, cpts_id AS cptsId, state, added, removed, comment, departements, author, created_at AS createdAt,
  updated_at AS updatedAt, submitted_at AS submittedAt, decided_by AS decidedBy, decided_at AS decidedAt, reason,
  valid_from AS validFrom, revision`;

export async function getProposal(db: Database, id: string): Promise<ProposalRow | null> {
  const [row] = await db.all<ProposalRow>(`SELECT ${COLUMNS} FROM etat.propositions WHERE id = $id`, { id });
  return row ?? null;
}

export function listProposals(db: Database, f: { cptsId?: string; state?: ProposalState } = {}): Promise<ProposalRow[]> {
  return db.all<ProposalRow>(
    `SELECT ${COLUMNS} FROM etat.propositions
     WHERE ($cpts IS NULL OR cpts_id = $cpts) AND ($state IS NULL OR state = $state)
     ORDER BY updated_at DESC, id`,
    { cpts: f.cptsId ?? null, state: f.state ?? null },
  );
}

export async function insertProposal(db: Database, p: ProposalRow): Promise<void> {
  await db.run(
    `INSERT INTO etat.propositions VALUES ($id, $cptsId, $state, CAST($added AS JSON)::VARCHAR[], CAST($removed AS JSON)::VARCHAR[], $comment, CAST($departements AS JSON)::VARCHAR[], $author,
       $createdAt, $updatedAt, NULL, NULL, NULL, NULL, NULL, 1)`,
    { id: p.id, cptsId: p.cptsId, state: p.state, added: JSON.stringify(p.added), removed: JSON.stringify(p.removed), comment: p.comment,
      departements: JSON.stringify(p.departements), author: p.author, createdAt: p.createdAt, updatedAt: p.updatedAt },
  );
}

/**
 * Applies `changes` when the proposal is still at `revision` and in one of `from`; returns the new
 * row, or null when someone else changed it first (nothing written).
 */
export async function updateProposalIf(
  db: Database, id: string, revision: number, from: ProposalState[],
  changes: Partial<Pick<ProposalRow, 'state' | 'added' | 'removed' | 'comment' | 'departements' | 'submittedAt' | 'decidedBy' | 'decidedAt' | 'reason' | 'validFrom'>> & { updatedAt: string },
): Promise<ProposalRow | null> {
  const columns: Record<string, string> = {
    state: 'state', added: 'added', removed: 'removed', comment: 'comment', departements: 'departements', submittedAt: 'submitted_at',
    decidedBy: 'decided_by', decidedAt: 'decided_at', reason: 'reason', validFrom: 'valid_from', updatedAt: 'updated_at',
  };
  const params: Record<string, any> = { id, revision, from: JSON.stringify(from) };
  const sets = Object.entries(changes).map(([k, v]) => {
    params[k] = Array.isArray(v) ? JSON.stringify(v) : v;
    return Array.isArray(v) ? `${columns[k]} = CAST($${k} AS JSON)::VARCHAR[]` : `${columns[k]} = $${k}`;
  });
  const rows = await db.all<{ id: string }>(
    `UPDATE etat.propositions SET ${sets.join(', ')}, revision = revision + 1
     WHERE id = $id AND revision = $revision AND list_contains(CAST($from AS JSON)::VARCHAR[], state) RETURNING id`,
    params,
  );
  return rows.length > 0 ? getProposal(db, id) : null;
}
