/**
 * What follows an applied import (HTTP or CLI), after its own transaction: the rows went to the
 * database (DuckDB, or the new data version), this goes to the state store (PostgreSQL), in one
 * transaction of its own.
 *
 * Nothing is overwritten: for each CPTS the file changed, its perimeter and status become a new
 * version from the import's day. The data's perimeter it had (version 0, read before the import:
 * `cptsStates`) is first saved as the version valid since always, so that « au <date d'avant> »
 * still answers it. A CPTS new in the file just has its version 0.
 * The audit log records the import (the import journal, `imports.imported_by`, records it too).
 * The build's replay of the journal rewrites version 0 with the same rows and records nothing.
 */
import type { Database } from '../db/connection';
import { appendAudit } from '../db/audit-queries';
import { importedCpts, type CptsState } from '../db/cpts-state-queries';
import { importedDepartements } from '../db/import-territory-queries';
import { announce, stateChanges } from '../db/state-changes';
import { syncStateMirror } from '../db/state-mirror';
import { bumpStateVersion, lockStateVersion, type StateStore } from '../db/state-store';
import { appendVersion, latestVersionCommunes, versionedCpts } from '../db/version-queries';
import type { ImportOutcome } from '../imports/run-import';
import { parisDay } from '../lib/attachment';

const SINCE_ALWAYS = '0000-01-01';
const codes = (s: CptsState) => s.members.map((m) => m.commune);
const same = (a: CptsState, b: CptsState) =>
  a.status === b.status && a.statusDate === b.statusDate && JSON.stringify(a.members) === JSON.stringify(b.members);

/** `db`: the database (or data version) the import was written to. */
export async function recordImport(db: Database, state: StateStore, who: string, o: ImportOutcome, before: Map<string, CptsState> = new Map()): Promise<void> {
  if (!o.import || (o.status !== 'appliqué' && o.status !== 'partiel')) return;
  const importId = o.import.id;
  const day = parisDay(new Date(o.import.importedAt));
  const now = new Date().toISOString();
  const imported = await importedCpts(db, importId);
  const departements = await importedDepartements(db, importId);
  let written: number | null = null;
  await state.transaction(async (tx) => {
    await lockStateVersion(tx);
    const known = await versionedCpts(tx, imported.map((c) => c.id));
    const versioned: string[] = [];
    for (const c of imported) {
      const old = before.get(c.id);
      const hasVersions = known.versioned.has(c.id);
      if (!hasVersions && (!old || same(old, c))) continue;
      if (!known.sinceAlways.has(c.id) && old) {
        await appendVersion(tx, { cptsId: c.id, validFrom: SINCE_ALWAYS, status: old!.status, statusDate: old!.statusDate, origin: 'données', proposalId: null, added: [], removed: [], createdBy: who, createdAt: now, members: old!.members });
      }
      const previous = new Set(hasVersions ? await latestVersionCommunes(tx, c.id) : codes(old!));
      const next = new Set(codes(c));
      await appendVersion(tx, {
        cptsId: c.id, validFrom: day, status: c.status, statusDate: c.statusDate, origin: 'import', proposalId: null,
        added: [...next].filter((x) => !previous.has(x)).sort(), removed: [...previous].filter((x) => !next.has(x)).sort(), createdBy: who, createdAt: now, members: c.members,
      });
      versioned.push(c.id);
    }
    if (versioned.length > 0) {
      written = await bumpStateVersion(tx);
      await announce(tx, { kind: 'versions', stateVersion: written });
    }
    await appendAudit(tx, {
      action: 'import', actor: who, target: importId, departements,
      before: null, after: `${o.status} : ${o.rowsAccepted} ligne(s) acceptée(s), ${o.rowsRejected} rejetée(s)${versioned.length ? ` ; nouvelle version de ${versioned.join(', ')}` : ''}`,
      detail: `${o.kind} — ${o.fileName}`,
    });
  });
  if (written !== null) {
    (await stateChanges(state)).advance(written);
    await syncStateMirror(db, state, written);
  }
}
