/**
 * Build step: replays the journal of accepted imports (`geodata/imports/journal.ndjson`) on the
 * database just built, so that it holds the default care offer plus every import. An import that
 * no longer applies as it did stops the build: a rebuild never drops an import silently.
 */
import { openDatabase } from '../../server/src/db/connection';
import { replayJournal } from '../../server/src/imports/replay-journal';
import { assertNoProblems } from './invariant-error';

export async function replayImports(dbPath: string, importsDir: string): Promise<number> {
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
