/**
 * The geometry worker thread of a process: dissolves and neighbourhoods of large perimeters run
 * there, off the request thread, one at a time, so that /api/health and every other request keep
 * answering while they compute. Bounded:
 * - at most QUEUE_MAX tasks wait; beyond, the request is refused with 503 + Retry-After;
 * - the worker's heap is capped (HEAP_MB); a task that exceeds it fails alone with a French 503,
 *   and the next task gets a fresh worker;
 * - a task whose client has disconnected (`signal` aborted) is dropped from the queue, or, if it
 *   is running, stopped by terminating the worker.
 * Per process and per topology file: nothing here decides an answer, it only schedules work.
 */
import { Worker } from 'node:worker_threads';
import type { CommuneTable } from '../analysis/inputs';
import { ApiError } from '../lib/api-error';
import type { GeometryResult, GeometryTask } from './geometry-tasks';

export const QUEUE_MAX = 8;
const HEAP_MB = 1536;
const RETRY_AFTER_S = 5;

interface Job {
  id: number;
  task: GeometryTask;
  resolve(value: unknown): void;
  reject(err: Error): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** The client disconnected: its work is dropped (the answer reaches nobody). */
export class ClientGoneError extends ApiError {
  constructor() {
    super(503, 'client_deconnecte', 'Client déconnecté : calcul abandonné.');
    this.name = 'ClientGoneError';
  }
}

export const busyError = () => new ApiError(503, 'serveur_occupe', `Serveur occupé : trop de calculs géométriques en attente. Réessayez dans ${RETRY_AFTER_S} s.`, [], { 'Retry-After': String(RETRY_AFTER_S) });

export class GeometryPool {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Tasks run so far, and workers started (a worker is replaced after a stopped task). */
  readonly counters = { tasks: 0, workers: 0 };

  constructor(private readonly topologyPath: string, private readonly table: CommuneTable) {}

  run<T extends GeometryTask>(task: T, signal?: AbortSignal): Promise<GeometryResult<T>> {
    if (signal?.aborted) return Promise.reject(new ClientGoneError());
    if (this.queue.length >= QUEUE_MAX) return Promise.reject(busyError());
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, resolve: resolve as (v: unknown) => void, reject, signal };
      if (signal) {
        job.onAbort = () => this.abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Tasks running (0 or 1) and waiting. */
  stats() {
    return { running: this.running ? 1 : 0, queued: this.queue.length, ...this.counters };
  }

  close(): void {
    for (const job of this.queue.splice(0)) job.reject(new ClientGoneError());
    void this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const { list, names, arrondissements } = this.table;
    const worker = new Worker(new URL('./geometry-worker-boot.mjs', import.meta.url), {
      workerData: {
        topologyPath: this.topologyPath, communes: list, arrondissements: [...arrondissements.values()].flat(),
        names: { regions: [...names.regions], departements: [...names.departements], epci: [...names.epci] },
      },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    worker.unref();
    worker.on('message', (m: { id: number; ok: boolean; value?: unknown; message?: string; name?: string; codes?: string[] }) => {
      const job = this.running;
      if (!job || job.id !== m.id) return;
      this.finish(job);
      if (m.ok) job.resolve(m.value);
      else job.reject(Object.assign(new Error(m.message), { name: m.name ?? 'Error', codes: m.codes }));
      this.pump();
    });
    worker.on('error', (err) => this.lost(worker, err));
    worker.on('exit', () => this.lost(worker, new Error('fin inattendue du fil de calcul')));
    this.counters.workers++;
    this.worker = worker;
    return worker;
  }

  /** The worker died (heap limit, crash): its task fails alone, the next one gets a new worker. */
  private lost(worker: Worker, err: Error) {
    if (this.worker !== worker) return;
    this.worker = null;
    const job = this.running;
    if (job) {
      this.finish(job);
      const heap = /memory|heap/i.test(err.message);
      job.reject(new ApiError(503, 'calcul_trop_lourd', heap
        ? `Calcul géométrique trop lourd : mémoire dépassée (${HEAP_MB} Mo au plus). Réduisez le périmètre.`
        : `Calcul géométrique interrompu (${err.message}). Réessayez.`));
    }
    this.pump();
  }

  private finish(job: Job) {
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    this.running = null;
  }

  private abort(job: Job) {
    const i = this.queue.indexOf(job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      job.reject(new ClientGoneError());
      return;
    }
    if (this.running === job) {
      const worker = this.worker;
      this.worker = null;
      this.finish(job);
      job.reject(new ClientGoneError());
      void worker?.terminate();
      this.pump();
    }
  }

  private pump() {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.running = job;
    this.counters.tasks++;
    this.ensureWorker().postMessage({ id: job.id, task: job.task });
  }
}
