/**
 * Records an applied HTTP import in the audit log. It runs after the import's own transaction
 * (DuckDB writes one attached database per transaction: the rows go to the database, the audit
 * to the state store); the import journal (`imports` table, `imported_by`) records it as well.
 */
import type { Database } from '../db/connection';
import { appendAudit } from '../db/audit-queries';
import { importedDepartements } from '../db/import-territory-queries';
import type { ImportOutcome } from '../imports/run-import';
import type { Actor } from '../scope/request-scope';
import { actorLabel } from './actor-label';

export async function auditImport(db: Database, actor: Actor, o: ImportOutcome): Promise<void> {
  if (!o.import || (o.status !== 'appliqué' && o.status !== 'partiel')) return;
  await appendAudit(db, {
    action: 'import', actor: actorLabel(actor), target: o.import.id, departements: await importedDepartements(db, o.import.id),
    before: null, after: `${o.status} : ${o.rowsAccepted} ligne(s) acceptée(s), ${o.rowsRejected} rejetée(s)`, detail: `${o.kind} — ${o.fileName}`,
  });
}
