/**
 * The audit log of the state store: one row per write, appended in the write's own transaction,
 * never updated nor deleted (no such statement here; the table's triggers refuse them anyway).
 */
import { randomUUID } from 'node:crypto';
import type { StateSql } from './state-store';

export interface AuditEntry {
  action: string;
  actor: string;
  target: string | null;
  departements: string[];
  before: string | null;
  after: string | null;
  detail: string | null;
}

export interface AuditRow extends AuditEntry {
  id: string;
  at: string;
}

export async function appendAudit(sql: StateSql, e: AuditEntry, at = new Date().toISOString()): Promise<void> {
  await sql.query(
    `INSERT INTO etat.audit (id, at_time, actor, action, target, departements, before, after, detail)
     VALUES ($1, $2, $3, $4, $5, ARRAY(SELECT jsonb_array_elements_text($6::jsonb)), $7, $8, $9)`,
    [randomUUID(), at, e.actor, e.action, e.target, JSON.stringify(e.departements), e.before, e.after, e.detail],
  );
}

export function listAudit(sql: StateSql, { limit = 5000 }: { limit?: number } = {}): Promise<AuditRow[]> {
  return sql.query<AuditRow>(
    `SELECT id, at_time AS at, actor, action, target, departements, before, after, detail
     FROM etat.audit ORDER BY at_time DESC, id LIMIT $1`,
    [limit],
  );
}

/** Entries of an action by an actor since a moment (sign-in failure bursts are recorded once). */
export async function countAuditSince(sql: StateSql, action: string, actor: string, since: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    'SELECT count(*)::integer AS n FROM etat.audit WHERE action = $1 AND actor = $2 AND at_time >= $3',
    [action, actor, since],
  );
  return row!.n;
}
