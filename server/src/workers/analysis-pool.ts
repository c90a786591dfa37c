/**
 * The analysis workers of a process (piscina): CPTS coverage, its map and layers, SAS coverage,
 * SNP access and the 2SFCA index run there, so the request thread only routes, validates, reads
 * caches and writes bytes — /api/health and every cached answer keep answering while analyses
 * of all France compute. Bounded:
 * - `threads` workers (default: the machine's cores), at most `queueMax` tasks waiting beyond
 *   them; past that the request is refused at once with 503 + Retry-After, in French;
 * - each worker's heap is capped (`heapMb`); a worker that dies (heap, crash) fails its task alone
 *   with a French 503 and piscina starts another in its place;
 * - a task whose client has disconnected (its request's abort signal) is dropped from the queue,
 *   or stopped with its worker if it runs.
 * Per process, like the CPU it shares out; nothing here decides an answer.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ApiError } from '../lib/api-error';
import { clientGone } from '../lib/compute-limiter';
import type { AnalysisMessage, SharedPart } from './analysis-inputs';
import { unpackResult, type AnalysisResult, type AnalysisTask } from './analysis-tasks';

export interface AnalysisPoolOptions {
  threads?: number;
  queueMax?: number;
  heapMb?: number;
  retryAfterS?: number;
}

export class AnalysisPool {
  private readonly pool: Piscina;
  readonly threads: number;
  readonly queueMax: number;
  private readonly retryAfterS: number;
  private readonly heapMb: number;
  /** Tasks handed to piscina (then on a worker, or in its queue), answered, and workers lost (crash, heap) and replaced. */
  readonly counters = { submitted: 0, tasks: 0, lost: 0 };

  constructor({ threads = Math.max(1, availableParallelism()), queueMax = 16, heapMb = 2048, retryAfterS = 5 }: AnalysisPoolOptions = {}) {
    this.threads = threads;
    this.queueMax = queueMax;
    this.retryAfterS = retryAfterS;
    this.heapMb = heapMb;
    this.pool = new Piscina({
      filename: new URL('./analysis-worker-boot.mjs', import.meta.url).href,
      // One worker at start (the warm-up's), more as analyses queue up: a start pays one worker's boot.
      minThreads: 1, maxThreads: threads, maxQueue: queueMax,
      // Workers stay (their decoded inputs with them) while the process runs; idle, they keep it from nothing.
      idleTimeout: 10 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    // A worker that ends while idle is only replaced: nothing to answer.
    this.pool.on('error', () => this.counters.lost++);
  }

  async run<T extends AnalysisTask>(task: T, parts: { table: SharedPart; care: SharedPart; topologyPath: string }, signal?: AbortSignal): Promise<AnalysisResult<T>> {
    if (signal?.aborted) throw clientGone();
    const message: AnalysisMessage = { task, ...parts };
    try {
      const pending = this.pool.run(message, { signal });
      this.counters.submitted++;
      const packed = await pending;
      this.counters.tasks++;
      return unpackResult<AnalysisResult<T>>(packed);
    } catch (err) {
      throw this.explain(err as Error);
    }
  }

  stats() {
    return { threads: this.pool.threads.length, queued: this.pool.queueSize, completed: this.pool.completed, ...this.counters };
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }

  private explain(err: Error): Error {
    if (err.message === 'Task queue is at limit') {
      return new ApiError(503, 'serveur_occupe', `Serveur occupé : trop d'analyses en attente. Réessayez dans ${this.retryAfterS} s (les résultats déjà calculés restent servis).`,
        [], { 'Retry-After': String(this.retryAfterS) });
    }
    if (err.name === 'AbortError') return clientGone();
    if (/worker exited|ERR_WORKER_OUT_OF_MEMORY|heap|memory/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`)) {
      this.counters.lost++;
      const heap = /memory|heap/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`);
      return new ApiError(503, 'calcul_interrompu', heap
        ? `Analyse interrompue : mémoire dépassée (${this.heapMb} Mo au plus par fil de calcul). Réessayez dans ${this.retryAfterS} s ou réduisez le territoire.`
        : `Analyse interrompue : le fil de calcul s'est arrêté. Réessayez dans ${this.retryAfterS} s.`,
      [], { 'Retry-After': String(this.retryAfterS) });
    }
    return err;
  }
}

let processPool: AnalysisPool | null = null;

/** The process's pool, started on the first analysis. */
export function analysisPool(): AnalysisPool {
  return (processPool ??= new AnalysisPool());
}

export async function closeAnalysisPool(): Promise<void> {
  const pool = processPool;
  processPool = null;
  await pool?.close();
}
