/** What every route receives through Hono's typed context. */
import type { Database } from './db/connection';
import type { ServerConfig } from './config';
import type { TopologyStore } from './geo/topology-store';
import type { RequestScope } from './scope/request-scope';
import type { AnswerCache } from './lib/answer-cache';

export interface AppDeps {
  db: Database;
  topology: TopologyStore;
  /** Ready-to-send answers of the read API (lib/answer-cache.ts); one per app when omitted. */
  answers?: AnswerCache;
  config: Pick<ServerConfig, 'basemap' | 'editorToken' | 'demo'> & Partial<Pick<ServerConfig, 'importMaxBytes' | 'readOnly'>>;
}

/** Dependencies, plus the scope of the request (who asks, demo setting, date) built by `scopeMiddleware`. */
export type AppEnv = { Variables: AppDeps & { scope: RequestScope } };
