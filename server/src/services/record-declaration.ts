/**
 * The audit line of a « liste complète » recorded by an import, by the same file imported again, or
 * on its own (declare-complete.ts): who declared which list complete, at which day, for which
 * départements. One small call after the commit, apart from the import's own audit line
 * (record-import.ts): the state store it writes to is the same.
 */
import { appendAudit } from '../db/audit-queries';
import type { StateSql } from '../db/state-store';
import { declarationText } from '../imports/completeness-declaration';
import type { ImportOutcome } from '../imports/run-import';

export async function recordDeclaration(state: StateSql, who: string, o: ImportOutcome): Promise<void> {
  if (!o.declaration || o.dataVersion === null) return;
  const d = o.declaration.value;
  await appendAudit(state, {
    action: 'liste-complete', actor: who, target: o.declaration.id, departements: d.departements,
    before: null, after: declarationText(d), detail: `${o.kind} — ${o.fileName}`,
  });
}
