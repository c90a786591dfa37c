/**
 * The transaction of an import or a declaration with its journal line: `work` writes the rows,
 * the data version is bumped, the line is appended before the commit and taken back if the commit
 * fails — so the journal and the database agree, or are reconciled at start after a kill
 * (reconcile-journal.ts). The crash points of the crash tests sit here, once for both.
 */
import { bumpDataVersion } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { crashPoint } from '../lib/crash-point';
import { appendJournal, type JournalEntry } from './import-archive';

/** Commits `work` with `journal` (none: nothing journaled, e.g. a replay); the new data version. */
export async function commitJournaled(db: Database, work: (tx: Database) => Promise<void>, journal: { dir: string; entry: JournalEntry } | null): Promise<string> {
  let undo: (() => void) | null = null;
  try {
    const version = await db.transaction(async (tx) => {
      await work(tx);
      const v = await bumpDataVersion(tx);
      if (journal) {
        undo = appendJournal(journal.dir, journal.entry);
        crashPoint('journal-ecrit');
      }
      return v;
    });
    crashPoint('commit');
    return version;
  } catch (err) {
    (undo as (() => void) | null)?.();
    throw err;
  }
}
