/**
 * The child process of `versionedImportRunner`: receives one import, writes the next data
 * version with it (publishVersion: a copy of the current version, changed, checkpointed, then
 * pointed at), answers the outcome and exits. Nothing is published when the file is refused or
 * was already imported.
 */
import { readFileSync } from 'node:fs';
import { publishVersion } from '../db/data-versions';
import type { WorkerReply, WorkerRequest } from './import-runner';
import { runImport } from './run-import';

// Opening hours are evaluated on wall-clock dates (lib/opening-hours.ts): run in UTC, as the server.
process.env.TZ = 'UTC';

process.once('message', async (message) => {
  const { store, archiveDir, file, job } = message as WorkerRequest;
  let reply: WorkerReply;
  try {
    const outcome = await publishVersion(store, async (db) => {
      const result = await runImport(db, { ...job, bytes: readFileSync(file), archiveDir });
      return { result, changed: result.status === 'appliqué' || result.status === 'partiel' };
    });
    reply = { ok: true, outcome };
  } catch (err) {
    reply = { ok: false, message: (err as Error).message };
  }
  process.send!(reply, () => process.exit(0));
});
