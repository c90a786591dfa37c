/**
 * Rate limits shared by every server process: hits counted in the state store over the last 60
 * seconds (db/rate-window-queries.ts), so that N processes behind a load balancer allow a client
 * the limit once, not N times. Each `hit` is one statement; old hits are dropped now and then.
 */
import type { AuthConfig } from '../auth/auth-config';
import { dropOldWindows, hitWindow } from '../db/rate-window-queries';
import type { StateStore } from '../db/state-store';

export interface Limit {
  /** Counts one hit for `key`; false when the key is over its limit in the last minute. */
  hit(key: string): Promise<boolean>;
}

export interface Limits {
  signIn: Limit;
  signInFailures: Limit;
  writes: Limit;
}

export function sharedLimits(state: StateStore, auth: Pick<AuthConfig, 'signInPerMinute' | 'writesPerMinute'>, now = () => Date.now()): Limits {
  let hits = 0;
  const limit = (name: string, perMinute: number): Limit => ({
    hit: async (key) => {
      const n = await hitWindow(state, name, key, now());
      if (++hits % 500 === 0) void dropOldWindows(state, now()).catch(() => {});
      return n <= perMinute;
    },
  });
  return {
    signIn: limit('connexion', auth.signInPerMinute),
    signInFailures: limit('connexion-echecs', 4),
    writes: limit('ecritures', auth.writesPerMinute),
  };
}
