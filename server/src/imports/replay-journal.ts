/**
 * Replays the journal of imports on a freshly built database (default care offer loaded), in
 * order, with the original identifiers, dates and authors: the rebuilt database is the default
 * plus every accepted import and every « liste complète » declared on its own. An import that no longer applies the same way stops the build.
 */
import type { Database } from '../db/connection';
import { readArchived, readJournal, type JournalEntry } from './import-archive';
import { runImport } from './run-import';
import { declareComplete } from './declare-complete';
import { DECLARATION_KIND } from './import-kinds';

export interface ReplayProblem { entry: JournalEntry; message: string }

export async function replayJournal(db: Database, archiveDir: string): Promise<{ replayed: JournalEntry[]; problems: ReplayProblem[] }> {
  const entries = readJournal(archiveDir);
  const problems: ReplayProblem[] = [];
  for (const entry of entries) {
    if (entry.kind === DECLARATION_KIND) {
      // A « liste complète » declared on its own: no file, the declaration itself.
      const outcome = entry.completeness
        ? await declareComplete(db, { declaration: entry.completeness, source: entry.fileName, declaredBy: entry.importedBy, archiveDir: null, replay: entry })
        : null;
      if (outcome?.status !== 'appliqué') problems.push({ entry, message: `déclaration ${entry.id} (${entry.fileName}) refusée au rejeu : ${outcome?.message ?? 'aucune liste déclarée'}` });
      continue;
    }
    const kind = entry.kind;
    let bytes: Uint8Array;
    try {
      bytes = readArchived(archiveDir, entry);
    } catch (err) {
      problems.push({ entry, message: (err as Error).message });
      continue;
    }
    const outcome = await runImport(db, {
      kind, bytes, fileName: entry.fileName, keepValid: entry.keepValid, importedBy: entry.importedBy, archiveDir: null, replay: entry,
    });
    const label = `import ${entry.id} (${entry.kind}, ${entry.fileName})`;
    if (outcome.status === 'rejeté') problems.push({ entry, message: `${label} refusé au rejeu : ${outcome.message}` });
    else if (outcome.status === 'déjà importé') problems.push({ entry, message: `${label} en double dans le journal` });
    else if (outcome.rowsAccepted !== entry.rowsAccepted) {
      problems.push({ entry, message: `${label} : ${outcome.rowsAccepted} ligne(s) acceptée(s) au rejeu au lieu de ${entry.rowsAccepted}` });
    }
  }
  return { replayed: entries, problems };
}
