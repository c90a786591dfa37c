/**
 * Runs the CPU-heavy part of an import — decoding, parsing, checking every line, building the
 * rows (prepareImport) — on a worker thread, so that a national file never blocks the request
 * thread: /api/health and every other request keep answering while a 100 000-record FINESS file
 * is read. The worker's database reads are answered here, on the reader connections
 * (remote-reads.ts); the prepared rows come back as data (import-write.ts) and are written here,
 * in the import's transaction. One worker per process, started on first use, kept while tasks
 * run (not a reason for the process to stay alive otherwise); a worker that dies (its heap is
 * capped at HEAP_MB, or a crash) fails its tasks with a French 503 and the next import gets a new one. Used by every import
 * (CLI, HTTP, versioned child process, build replay) through run-import.ts and reject-report.ts.
 */
import { Worker } from 'node:worker_threads';
import type { Database } from '../db/connection';
import { FileFormatError, type LineIssue } from '../ingest/line-issue';
import { ApiError } from '../lib/api-error';
import type { ImportKind } from './import-kinds';
import type { IssueOptions } from './prepare-import';
import type { PrepareContext, PreparedImport } from './prepared-import';
import { answerRead, type ReadReply, type ReadRequest } from './remote-reads';

export type ToWorker =
  | { type: 'prepare'; id: number; kind: ImportKind; bytes: Uint8Array; ctx: PrepareContext; options: IssueOptions; dbPath: string }
  | { type: 'read'; key: string; reply: ReadReply };

export type FromWorker =
  | { type: 'read'; id: number; key: string; req: ReadRequest }
  | { type: 'part'; id: number; field: 'rejects' | 'warnings'; items: LineIssue[] }
  | { type: 'done'; id: number; prepared: PreparedImport }
  | { type: 'error'; id: number; name: string; message: string };

interface Task {
  db: Database;
  parts: Map<'rejects' | 'warnings', LineIssue[]>;
  resolve(p: PreparedImport): void;
  reject(err: Error): void;
}

const HEAP_MB = 4096;

let worker: Worker | null = null;
const tasks = new Map<number, Task>();
let nextId = 1;
let reads = 0;

const assemble = (shell: PreparedImport, parts: Task['parts']): PreparedImport => ({ ...shell, rejects: parts.get('rejects') ?? [], warnings: parts.get('warnings') ?? [] });

function lost(w: Worker, err: Error) {
  if (worker !== w) return;
  worker = null;
  for (const [id, task] of tasks) {
    tasks.delete(id);
    const heap = /memory|heap/i.test(err.message);
    task.reject(new ApiError(503, 'preparation_interrompue', heap
      ? `Préparation de l'import interrompue : mémoire dépassée (${HEAP_MB} Mo au plus pour lire un fichier). Rien n'a été importé.`
      : `Préparation de l'import interrompue (${err.message}). Rien n'a été importé : réessayez.`));
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  // Its own heap limit: a file too heavy to read ends this thread alone, never the server.
  const w = new Worker(new URL('./prepare-worker-boot.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  w.on('message', (m: FromWorker) => {
    const task = tasks.get(m.id);
    if (!task) return;
    if (m.type === 'read') {
      reads++;
      void answerRead(task.db, m.req).then((reply) => w.postMessage({ type: 'read', key: m.key, reply } satisfies ToWorker));
    } else if (m.type === 'part') {
      const list = task.parts.get(m.field);
      if (list) for (const x of m.items) list.push(x);
      else task.parts.set(m.field, m.items);
    } else {
      tasks.delete(m.id);
      if (tasks.size === 0) w.unref();
      if (m.type === 'done') task.resolve(assemble(m.prepared, task.parts));
      else task.reject(m.name === 'FileFormatError' ? new FileFormatError(m.message) : Object.assign(new Error(m.message), { name: m.name }));
    }
  });
  w.on('error', (err) => lost(w, err));
  w.on('exit', (code) => lost(w, new Error(`fin inattendue du fil de préparation, code ${code}`)));
  w.unref();
  worker = w;
  return w;
}

/** prepareImport on the worker thread; same result, same FileFormatError for a file refused as a whole. */
export function prepareOffThread(kind: ImportKind, db: Database, bytes: Uint8Array, ctx: PrepareContext, options: IssueOptions = {}): Promise<PreparedImport> {
  const w = ensureWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    tasks.set(id, { db, parts: new Map(), resolve, reject });
    w.ref();
    w.postMessage({ type: 'prepare', id, kind, bytes, ctx, options, dbPath: db.path } satisfies ToWorker);
  });
}

/** Preparations started and not yet answered, and database reads asked by them, in this process (for tests and diagnostics). */
export const preparationStats = () => ({ running: tasks.size, reads });
