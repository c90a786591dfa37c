/**
 * Makes the journal of imports (`imports/journal.ndjson`) agree with the database after a crash.
 * The journal line of an import is written inside its transaction, just before the commit
 * (run-import.ts), so a `kill -9` can leave:
 * - a line whose import never committed (killed between the write and the commit), or a torn
 *   last line (killed during the write): such lines are dropped — the import did not happen, its
 *   author never got a success answer, and a rebuild must not replay it (nor a retry double it);
 * - in theory a committed import without its line (the line lost with the page cache): the line
 *   is written again from the database row, when its archived file is there.
 * Run when a process opens the database for writing (server start, every import: CLI and API)
 * and before the build replays the journal. The journal is rewritten atomically (temporary file,
 * then rename), so reconciling can itself be interrupted at any time.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/connection';
import { listImports } from '../db/import-queries';
import { JOURNAL, type JournalEntry } from './import-archive';
import { KIND_INFO, type ImportKind } from './import-kinds';

export interface Reconciliation {
  dropped: string[];
  restored: string[];
  /** A torn last line (partial write) was removed. */
  torn: boolean;
}

/** Journal lines, tolerating a torn last line (a write cut by a crash). */
function readLines(path: string): { entries: JournalEntry[]; torn: boolean } {
  if (!existsSync(path)) return { entries: [], torn: false };
  const lines = readFileSync(path, 'utf8').split('\n');
  const entries: JournalEntry[] = [];
  let torn = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      const last = lines.slice(i + 1).every((l) => l.trim() === '');
      if (!last) throw new Error(`Journal des imports illisible : ${path}, ligne ${i + 1}`);
      torn = true;
    }
  });
  return { entries, torn };
}

export async function reconcileJournal(db: Database, archiveDir: string): Promise<Reconciliation> {
  const path = join(archiveDir, JOURNAL);
  const { entries, torn } = readLines(path);
  const rows = await listImports(db);
  const committed = new Set(rows.map((r) => r.id));
  const kept = entries.filter((e) => committed.has(e.id));
  const dropped = entries.filter((e) => !committed.has(e.id)).map((e) => e.id);
  const journaled = new Set(kept.map((e) => e.id));
  const restored: JournalEntry[] = rows
    .filter((r) => !journaled.has(r.id))
    .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id))
    .flatMap((r) => {
      const kind = r.kind as ImportKind;
      const archive = `${r.sha256}.${kind}.${KIND_INFO[kind]?.extension ?? 'csv'}`;
      if (!existsSync(join(archiveDir, archive))) return [];
      return [{ id: r.id, kind, sha256: r.sha256, archive, fileName: r.fileName, keepValid: r.status === 'partiel', importedAt: r.importedAt,
        importedBy: r.importedBy, rowsAccepted: r.rowsAccepted, rowsRejected: r.rowsRejected }];
    });
  if (dropped.length > 0 || restored.length > 0 || torn) {
    const text = [...kept, ...restored].map((e) => `${JSON.stringify(e)}\n`).join('');
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  }
  return { dropped, restored: restored.map((e) => e.id), torn };
}

/** One French line for the logs, or null when nothing had to change. */
export function describeReconciliation(r: Reconciliation): string | null {
  if (r.dropped.length === 0 && r.restored.length === 0 && !r.torn) return null;
  const parts = [
    r.dropped.length > 0 ? `${r.dropped.length} ligne(s) sans import validé retirée(s) (${r.dropped.join(', ')})` : '',
    r.restored.length > 0 ? `${r.restored.length} import(s) validé(s) réinscrit(s) (${r.restored.join(', ')})` : '',
    r.torn ? 'dernière ligne tronquée retirée' : '',
  ].filter(Boolean);
  return `Journal des imports remis d'accord avec la base après un arrêt brutal : ${parts.join(' ; ')}.`;
}
