/**
 * Fixed-window rate limits (per minute and key), kept in this process: with N server processes
 * behind a load balancer a client gets at most N times the limit — the limits are a brake on
 * bursts (password-less sign-in loops, scripted writes), not a quota. Old windows are dropped.
 */
import { ApiError } from './api-error';

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number, private readonly now = () => Date.now()) {}

  /** Counts one hit for `key`; false when the key is over its limit in the current minute. */
  hit(key: string): boolean {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= 60_000) {
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (t - v.start >= 60_000) this.windows.delete(k);
      this.windows.set(key, { start: t, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= this.perMinute;
  }
}

export const tooMany = (what: string) => new ApiError(429, 'trop_de_requetes', `${what} en une minute : réessayez dans un instant.`);
