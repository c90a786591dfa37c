/** What every route receives through Hono's typed context. */
import type { Database } from './db/connection';
import type { ServerConfig } from './config';
import type { TopologyStore } from './geo/topology-store';
import type { RequestScope } from './scope/request-scope';
import type { AnswerCache } from './lib/answer-cache';
import type { ImportRunner } from './imports/import-runner';
import type { StateStore } from './db/state-store';
import type { Limits } from './services/rate-limits';

export interface AppDeps {
  db: Database;
  /** The state store (db/state-store.ts): roles, proposals, CPTS versions, audit, rate windows. */
  state: StateStore;
  /** The current data version (db/live-database.ts): each request takes it when it starts; `db` when omitted. */
  database?: () => Database;
  /** Where imports run (imports/import-runner.ts); in this process on `db` when omitted. */
  importer?: ImportRunner;
  topology: TopologyStore;
  /** Ready-to-send answers of the read API (lib/answer-cache.ts); one per app when omitted. */
  answers?: AnswerCache;
  config: Pick<ServerConfig, 'basemap' | 'editorToken' | 'demo'>
    & Partial<Pick<ServerConfig, 'importMaxBytes' | 'readOnly' | 'editorTokenTerritories' | 'auth'>>;
}

/** Dependencies, plus the scope of the request (who asks, demo setting, date) built by `scopeMiddleware`. */
/** `current`: the data version current now — a write made after an import publishes the next version (the import's audit line) goes there, not to the version the request started on. */
export type AppEnv = { Variables: Omit<AppDeps, 'database'> & { scope: RequestScope; limits: Limits; current: () => Database } };
