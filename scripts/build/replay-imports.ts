/**
 * Build step: replays the journal of accepted imports (`geodata/imports/journal.ndjson`) on the
 * database just built, so that it holds the default care offer plus every import. An import that
 * no longer applies as it did stops the build: a rebuild never drops an import silently.
 */
import { existsSync } from 'node:fs';
import { openDatabase, type Database } from '../../server/src/db/connection';
import { describeReconciliation, reconcileJournal } from '../../server/src/imports/reconcile-journal';
import { replayJournal } from '../../server/src/imports/replay-journal';
import { assertNoProblems } from './invariant-error';

/**
 * The journal is first made to agree with the previous database (`previousDbPath`), when there is
 * one and it can be opened: a line left by an import killed before its commit is not replayed.
 * When a running server holds that database, it has reconciled the journal at its start.
 */
async function reconcileWithPrevious(previousDbPath: string, importsDir: string): Promise<void> {
  if (!existsSync(previousDbPath)) return;
  let previous: Database;
  try {
    previous = await openDatabase(previousDbPath, { readOnly: true });
  } catch {
    return;
  }
  try {
    const note = describeReconciliation(await reconcileJournal(previous, importsDir));
    if (note) console.warn(note);
  } finally {
    previous.close();
  }
}

export async function replayImports(dbPath: string, importsDir: string, previousDbPath?: string): Promise<number> {
  if (previousDbPath) await reconcileWithPrevious(previousDbPath, importsDir);
  const db = await openDatabase(dbPath);
  try {
    const { replayed, problems } = await replayJournal(db, importsDir);
    assertNoProblems(`rejeu des imports archivés (${importsDir})`, problems.map((p) => p.message));
    await db.run('CHECKPOINT');
    return replayed.length;
  } finally {
    db.close();
  }
}
