/**
 * What follows an applied import (HTTP or CLI), after its own transaction — DuckDB writes one
 * attached database per transaction: the rows went to the database, this goes to the state store:
 * - a CPTS of the file that already has versions (a validated proposal) gets a new version, from
 *   the import's day, with the imported perimeter and status: the import is not hidden behind an
 *   older validated perimeter, and that one stays in the history (nothing overwritten);
 * - the audit log records the import (the import journal, `imports.imported_by`, records it too).
 * A CPTS without versions simply has its version 0 (the data's perimeter) replaced, as the import
 * journal replays it on every rebuild.
 */
import type { Database } from '../db/connection';
import { appendAudit } from '../db/audit-queries';
import { importedDepartements } from '../db/import-territory-queries';
import { bumpStateVersion } from '../db/state-store';
import { appendVersion, importedVersionedCpts, latestVersionCommunes } from '../db/version-queries';
import type { ImportOutcome } from '../imports/run-import';
import { parisDay } from '../lib/attachment';

export async function recordImport(db: Database, who: string, o: ImportOutcome): Promise<void> {
  if (!o.import || (o.status !== 'appliqué' && o.status !== 'partiel')) return;
  const importId = o.import.id;
  await db.transaction(async (tx) => {
    const versioned = await importedVersionedCpts(tx, importId);
    for (const c of versioned) {
      const before = new Set(await latestVersionCommunes(tx, c.id));
      const after = new Set(c.members.map((m) => m.commune));
      await appendVersion(tx, {
        cptsId: c.id, validFrom: parisDay(new Date(o.import!.importedAt)), status: c.status, statusDate: c.statusDate, origin: 'import', proposalId: null,
        added: [...after].filter((x) => !before.has(x)).sort(), removed: [...before].filter((x) => !after.has(x)).sort(),
        createdBy: who, createdAt: new Date().toISOString(), members: c.members,
      });
    }
    if (versioned.length > 0) await bumpStateVersion(tx);
    await appendAudit(tx, {
      action: 'import', actor: who, target: importId, departements: await importedDepartements(tx, importId),
      before: null, after: `${o.status} : ${o.rowsAccepted} ligne(s) acceptée(s), ${o.rowsRejected} rejetée(s)${versioned.length ? ` ; nouvelle version de ${versioned.map((c) => c.id).join(', ')}` : ''}`,
      detail: `${o.kind} — ${o.fileName}`,
    });
  });
}
