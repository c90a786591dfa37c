/** Server configuration, read once from the environment at start-up. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAuthConfig, type AuthConfig } from './auth/auth-config';

export type Basemap = 'auto' | 'ign' | 'offline';

export interface ServerConfig {
  port: number;
  geodataDir: string;
  dbPath: string;
  topologyPath: string;
  /** Built web app served on the same port in production (null: API only). */
  webDist: string | null;
  basemap: Basemap;
  /** Token required by HTTP imports (`Authorization: Bearer …`); imports are refused when unset. */
  editorToken: string | null;
  /** Territories the token may import into (MAILLAGE_EDITOR_TOKEN_TERRITOIRES: `departement:31,region:76` or `france`). */
  editorTokenTerritories: string[];
  /** Sign-in (OpenID Connect providers, session secret) and rate limits. */
  auth: AuthConfig;
  /** The state store (roles, proposals, versions, audit) on a PostgreSQL server: MAILLAGE_POSTGRES_URL (null: embedded PGlite). */
  postgresUrl: string | null;
  /** The embedded state store's folder (PGlite), when no server is given: MAILLAGE_STATE_DIR, default next to the database. */
  stateDir: string;
  /** The DuckDB state store of earlier releases, moved into PostgreSQL once at start when present (MAILLAGE_STATE_DB). */
  legacyStatePath: string;
  /** Show the demonstration scenario where real data is missing. */
  demo: boolean;
  /** Largest file an HTTP import accepts (MAILLAGE_IMPORT_MAX_MO, in Mo; default 200): larger → 413. */
  importMaxBytes: number;
  /** Open the database read-only (replicas behind a load balancer, benchmarks): imports are refused; proposals and roles still go to the state store. */
  readOnly: boolean;
  /** Data versions (db/data-versions.ts): read-only versions served side by side, imports write the next one in a child process. */
  versions: boolean;
}

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** MAILLAGE_POSTGRES_URL: a postgres:// or postgresql:// address, or nothing. */
function postgresUrl(text: string | undefined): string | null {
  if (text === undefined || text.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error('MAILLAGE_POSTGRES_URL invalide : une adresse postgres://utilisateur:motdepasse@hôte:port/base est attendue');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`MAILLAGE_POSTGRES_URL invalide : schéma « ${url.protocol} » (postgres:// ou postgresql:// attendu)`);
  }
  return text.trim();
}

/** MAILLAGE_IMPORT_MAX_MO: a positive number of Mo (default 200); anything else stops the start. */
function importMaxMo(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 200;
  const mo = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(mo) || mo <= 0) {
    throw new Error(`MAILLAGE_IMPORT_MAX_MO invalide : « ${text} » (un nombre de Mo positif, ex. 200)`);
  }
  return mo;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const geodataDir = resolve(env.GEODATA_DIR ?? join(REPO_ROOT, 'geodata'));
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : ${env.PORT}`);
  const basemap = (env.MAILLAGE_BASEMAP ?? 'auto') as Basemap;
  if (!['auto', 'ign', 'offline'].includes(basemap)) throw new Error(`MAILLAGE_BASEMAP invalide : ${basemap} (auto, ign ou offline)`);
  const dbDir = dirname(resolve(env.MAILLAGE_DB ?? join(geodataDir, 'maillage.duckdb')));
  return {
    port,
    geodataDir,
    dbPath: resolve(env.MAILLAGE_DB ?? join(geodataDir, 'maillage.duckdb')),
    topologyPath: join(geodataDir, 'communes.topo.json'),
    webDist: env.NODE_ENV === 'production' ? resolve(env.WEB_DIST ?? join(REPO_ROOT, 'web/dist')) : null,
    basemap,
    editorToken: env.MAILLAGE_EDITOR_TOKEN || null,
    editorTokenTerritories: (env.MAILLAGE_EDITOR_TOKEN_TERRITOIRES ?? 'france').split(',').map((t) => t.trim()).filter(Boolean),
    auth: readAuthConfig(env),
    postgresUrl: postgresUrl(env.MAILLAGE_POSTGRES_URL),
    stateDir: resolve(env.MAILLAGE_STATE_DIR ?? join(dbDir, 'maillage-etat.pglite')),
    legacyStatePath: resolve(env.MAILLAGE_STATE_DB ?? join(dbDir, 'maillage-etat.duckdb')),
    demo: !['0', 'false', 'non', 'off'].includes((env.MAILLAGE_DEMO ?? '1').toLowerCase()),
    importMaxBytes: importMaxMo(env.MAILLAGE_IMPORT_MAX_MO) * 1024 * 1024,
    readOnly: ['1', 'true', 'oui', 'on'].includes((env.MAILLAGE_READ_ONLY ?? '0').toLowerCase()),
    versions: ['1', 'true', 'oui', 'on'].includes((env.MAILLAGE_VERSIONS ?? '0').toLowerCase()),
  };
}
