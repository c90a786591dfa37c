/**
 * Where an import runs when the server serves data versions (MAILLAGE_VERSIONS=1), behind one small
 * interface (`ImportRunner`, used by the HTTP route): `versionedImportRunner` runs it in a child
 * process that writes the next data version aside (db/data-versions.ts), so parsing a national file
 * and writing it never block this process's event loop nor its readers; this process switches to
 * the new version before answering. Without versions the route runs `runImport` on its database.
 * One import at a time across every process and machine sharing the state store: the runner
 * holds its advisory lock `VERSIONS_LOCK` while the child writes, and announces the new version.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSIONS_LOCK, type VersionStore } from '../db/data-versions';
import { announce } from '../db/state-changes';
import type { StateStore } from '../db/state-store';
import type { ImportOutcome, ImportRequest } from './run-import';
import type { CompletenessDeclaration } from './completeness-declaration';
import type { DECLARATION_KIND } from './import-kinds';

export type FileJob = Pick<ImportRequest, 'kind' | 'bytes' | 'fileName' | 'keepValid' | 'importedBy' | 'completeness'>;
/** A « liste complète » declared on its own (declare-complete.ts): no file. */
export interface DeclarationJob { kind: typeof DECLARATION_KIND; bytes: Uint8Array; declaration: CompletenessDeclaration; source: string | null; importedBy: string }
export type ImportJob = FileJob | DeclarationJob;
export type ImportRunner = (job: ImportJob) => Promise<ImportOutcome>;

/** What the child process receives (import-worker.ts). */
export interface WorkerRequest {
  store: VersionStore;
  archiveDir: string;
  file: string;
  job: Omit<FileJob, 'bytes'> | Omit<DeclarationJob, 'bytes'>;
}

export type WorkerReply = { ok: true; outcome: ImportOutcome } | { ok: false; message: string };

// Beside this module: the TypeScript source (tsx), or the compiled `import-worker.mjs` (npm start, dist/server/).
const WORKER = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './import-worker.ts' : './import-worker.mjs', import.meta.url));

export function versionedImportRunner(store: VersionStore, archiveDir: string, state: StateStore, onPublished: () => Promise<void>): ImportRunner {
  const runOne = async (job: ImportJob): Promise<ImportOutcome> => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-import-'));
    const file = join(dir, 'fichier');
    // Written asynchronously: a 30 MB upload written at once held the event loop (/api/health 788 ms).
    await writeFile(file, job.bytes);
    try {
      const { bytes: _bytes, ...meta } = job;
      const reply = await new Promise<WorkerReply>((resolve, reject) => {
        // fork keeps this process's loader flags (tsx in development), so the worker runs the same code.
        const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        // Below the readers' priority: on a busy machine, the import waits rather than the requests.
        try {
          if (child.pid) setPriority(child.pid, 10);
        } catch {
          /* not permitted here: the import runs at the same priority */
        }
        let answered = false;
        child.once('message', (m) => {
          answered = true;
          resolve(m as WorkerReply);
        });
        child.once('error', reject);
        child.once('exit', (code) => {
          if (!answered) reject(new Error(`le processus d'import s'est arrêté (code ${code}) sans réponse`));
        });
        child.send({ store, archiveDir, file, job: meta } satisfies WorkerRequest);
      });
      if (!reply.ok) throw new Error(reply.message);
      if (reply.outcome.dataVersion) {
        await onPublished();
        await state.transaction((tx) => announce(tx, { kind: 'donnees', dataVersion: reply.outcome.dataVersion! }));
      }
      return reply.outcome;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return (job) => state.withLock(VERSIONS_LOCK, () => runOne(job));
}
