/** The audit log of the state store: one row per write, never updated nor deleted. */
import { randomUUID } from 'node:crypto';
import type { Database } from './connection';

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

export async function appendAudit(db: Database, e: AuditEntry, at = new Date().toISOString()): Promise<void> {
  await db.run(
    'INSERT INTO etat.audit VALUES ($id, $at, $actor, $action, $target, CAST($departements AS JSON)::VARCHAR[], $before, $after, $detail)',
    { id: randomUUID(), at, actor: e.actor, action: e.action, target: e.target, departements: JSON.stringify(e.departements), before: e.before, after: e.after, detail: e.detail },
  );
}

export function listAudit(db: Database, { limit = 5000 }: { limit?: number } = {}): Promise<AuditRow[]> {
  return db.all<AuditRow>(
    `SELECT id, at_time AS at, actor, action, target, departements, before, after, detail
     FROM etat.audit ORDER BY at_time DESC, id LIMIT $limit`,
    { limit },
  );
}

/** Entries of an action by an actor since a moment (sign-in failure bursts are recorded once). */
export async function countAuditSince(db: Database, action: string, actor: string, since: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    'SELECT count(*)::INTEGER AS n FROM etat.audit WHERE action = $action AND actor = $actor AND at_time >= $since',
    { action, actor, since },
  );
  return row!.n;
}
