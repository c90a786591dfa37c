/**
 * A cap on the expensive computations a process runs at once (analyses not in the cache): at
 * most `concurrency` run, at most `queueMax` wait, and beyond that the request is refused at once
 * with 503 + Retry-After instead of piling up work that would freeze every other request. A
 * cached answer never comes here (analysis-cache.ts serves it first), so it is never refused.
 * Work queued for a client that has disconnected (its request's abort signal) is dropped before
 * it starts. Per process, like the CPU it protects; nothing here decides an answer.
 */
import { ApiError } from './api-error';

export interface LimiterOptions {
  /** Computations at once (default 2: the machine's cores). */
  concurrency?: number;
  /** Computations waiting (default 16). */
  queueMax?: number;
  /** Seconds a refused client is told to wait (default 5). */
  retryAfterS?: number;
}

interface Waiting { start(): void; drop(err: Error): void; signal?: AbortSignal }

export const clientGone = () => new ApiError(503, 'client_deconnecte', 'Client déconnecté : calcul abandonné.');

export class ComputeLimiter {
  private running = 0;
  private readonly waiting: Waiting[] = [];
  readonly concurrency: number;
  readonly queueMax: number;
  readonly retryAfterS: number;

  constructor({ concurrency = 2, queueMax = 16, retryAfterS = 5 }: LimiterOptions = {}) {
    this.concurrency = concurrency;
    this.queueMax = queueMax;
    this.retryAfterS = retryAfterS;
  }

  stats() {
    return { running: this.running, queued: this.waiting.length };
  }

  async run<T>(work: () => Promise<T> | T, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw clientGone();
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueMax) {
        throw new ApiError(503, 'serveur_occupe', `Serveur occupé : trop de calculs en cours. Réessayez dans ${this.retryAfterS} s (les résultats déjà calculés restent servis).`,
          [], { 'Retry-After': String(this.retryAfterS) });
      }
      await new Promise<void>((start, drop) => {
        const entry: Waiting = { start, drop, signal };
        const onAbort = () => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          drop(clientGone());
        };
        entry.start = () => {
          signal?.removeEventListener('abort', onAbort);
          start();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(entry);
      });
    }
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.start();
    }
  }
}

const limiters = new WeakMap<object, ComputeLimiter>();

/** The limiter of a database's process (one per opened database), created with `options` once. */
export function computeLimiterOf(key: object, options?: LimiterOptions): ComputeLimiter {
  let limiter = limiters.get(key);
  if (!limiter) limiters.set(key, (limiter = new ComputeLimiter(options)));
  return limiter;
}
