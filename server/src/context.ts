/** What every route receives through Hono's typed context. */
import type { Database } from './db/connection';
import type { ServerConfig } from './config';
import type { TopologyStore } from './geo/topology-store';

export interface AppDeps {
  db: Database;
  topology: TopologyStore;
  config: Pick<ServerConfig, 'basemap' | 'editorToken' | 'demo'> & Partial<Pick<ServerConfig, 'importMaxBytes' | 'readOnly'>>;
}

export type AppEnv = { Variables: AppDeps };
