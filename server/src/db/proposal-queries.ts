/**
 * Perimeter proposals of the state store. Every change is one conditional statement,
 * `UPDATE … WHERE id = $id AND revision = $n AND state = ANY(…) RETURNING …`: of two reviewers
 * deciding at once, the second updates no row and is told so (409), inside the same transaction
 * as the version it would have written.
 */
import type { ProposalState } from './state-schema';
import type { StateSql } from './state-store';

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

const COLUMNS = `id, cpts_id AS "cptsId", state, added, removed, comment, departements, author, created_at AS "createdAt",
  updated_at AS "updatedAt", submitted_at AS "submittedAt", decided_by AS "decidedBy", decided_at AS "decidedAt", reason,
  valid_from AS "validFrom", revision`;

const textArray = (n: number) => `ARRAY(SELECT jsonb_array_elements_text($${n}::jsonb))`;

export async function getProposal(sql: StateSql, id: string): Promise<ProposalRow | null> {
  const [row] = await sql.query<ProposalRow>(`SELECT ${COLUMNS} FROM etat.propositions WHERE id = $1`, [id]);
  return row ?? null;
}

export function listProposals(sql: StateSql, f: { cptsId?: string; state?: ProposalState } = {}): Promise<ProposalRow[]> {
  return sql.query<ProposalRow>(
    `SELECT ${COLUMNS} FROM etat.propositions
     WHERE ($1::text IS NULL OR cpts_id = $1) AND ($2::text IS NULL OR state = $2)
     ORDER BY updated_at DESC, id`,
    [f.cptsId ?? null, f.state ?? null],
  );
}

export async function insertProposal(sql: StateSql, p: ProposalRow): Promise<void> {
  await sql.query(
    `INSERT INTO etat.propositions (id, cpts_id, state, added, removed, comment, departements, author, created_at, updated_at, revision)
     VALUES ($1, $2, $3, ${textArray(4)}, ${textArray(5)}, $6, ${textArray(7)}, $8, $9, $10, 1)`,
    [p.id, p.cptsId, p.state, JSON.stringify(p.added), JSON.stringify(p.removed), p.comment, JSON.stringify(p.departements), p.author, p.createdAt, p.updatedAt],
  );
}

type Changes = Partial<Pick<ProposalRow, 'state' | 'added' | 'removed' | 'comment' | 'departements' | 'submittedAt' | 'decidedBy' | 'decidedAt' | 'reason' | 'validFrom'>> & { updatedAt: string };

const COLUMN_OF: Record<keyof Changes, string> = {
  state: 'state', added: 'added', removed: 'removed', comment: 'comment', departements: 'departements', submittedAt: 'submitted_at',
  decidedBy: 'decided_by', decidedAt: 'decided_at', reason: 'reason', validFrom: 'valid_from', updatedAt: 'updated_at',
};

/**
 * Applies `changes` when the proposal is still at `revision` and in one of `from`; returns the new
 * row, or null when someone else changed it first (nothing written).
 */
export async function updateProposalIf(sql: StateSql, id: string, revision: number, from: ProposalState[], changes: Changes): Promise<ProposalRow | null> {
  const params: unknown[] = [id, revision, JSON.stringify(from)];
  const sets = (Object.entries(changes) as [keyof Changes, unknown][]).map(([k, v]) => {
    params.push(Array.isArray(v) ? JSON.stringify(v) : v);
    return `${COLUMN_OF[k]} = ${Array.isArray(v) ? textArray(params.length) : `$${params.length}`}`;
  });
  const [row] = await sql.query<ProposalRow>(
    `UPDATE etat.propositions SET ${sets.join(', ')}, revision = revision + 1
     WHERE id = $1 AND revision = $2 AND state = ANY(${textArray(3)}) RETURNING ${COLUMNS}`,
    params,
  );
  return row ?? null;
}
