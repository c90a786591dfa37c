/**
 * The child process of `versionedImportRunner`: receives one import, writes the next data
 * version with it (publishVersion: a copy of the current version, changed, checkpointed, then
 * pointed at), answers the outcome and exits — or a « liste complète » declared on its own. Nothing
 * is published when nothing changed (a refused file, a file already imported without a declaration).
 */
import { readFileSync } from 'node:fs';
import { publishVersion } from '../db/data-versions';
import type { WorkerReply, WorkerRequest } from './import-runner';
import { runImport } from './run-import';
import { declareComplete } from './declare-complete';
import { DECLARATION_KIND } from './import-kinds';

// Opening hours are evaluated on wall-clock dates (lib/opening-hours.ts): run in UTC, as the server.
process.env.TZ = 'UTC';

process.once('message', async (message) => {
  const { store, archiveDir, file, job } = message as WorkerRequest;
  let reply: WorkerReply;
  try {
    const outcome = await publishVersion(store, async (db) => {
      const result = job.kind === DECLARATION_KIND
        ? await declareComplete(db, { declaration: job.declaration, source: job.source, declaredBy: job.importedBy, archiveDir })
        : await runImport(db, { ...job, bytes: readFileSync(file), archiveDir });
      // A data version is written for rows or for a declaration (the same file again with its « liste complète »).
      return { result, changed: result.dataVersion !== null };
    });
    reply = { ok: true, outcome };
  } catch (err) {
    reply = { ok: false, message: (err as Error).message };
  }
  process.send!(reply, () => process.exit(0));
});
