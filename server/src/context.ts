/** What every route receives through Hono's typed context. */
import type { Database } from './db/connection';
import type { ServerConfig } from './config';
import type { TopologyStore } from './geo/topology-store';
import type { RequestScope } from './scope/request-scope';
import type { AnswerCache } from './lib/answer-cache';
import type { RateLimiter } from './lib/rate-limit';

export interface AppDeps {
  db: Database;
  topology: TopologyStore;
  /** Ready-to-send answers of the read API (lib/answer-cache.ts); one per app when omitted. */
  answers?: AnswerCache;
  config: Pick<ServerConfig, 'basemap' | 'editorToken' | 'demo'>
    & Partial<Pick<ServerConfig, 'importMaxBytes' | 'readOnly' | 'editorTokenTerritories' | 'auth' | 'statePath'>>;
}

/** Rate limits of this process (lib/rate-limit.ts). */
export interface Limits {
  signIn: RateLimiter;
  signInFailures: RateLimiter;
  writes: RateLimiter;
}

/** Dependencies, plus the scope of the request (who asks, demo setting, date) built by `scopeMiddleware`. */
export type AppEnv = { Variables: AppDeps & { scope: RequestScope; limits: Limits } };
