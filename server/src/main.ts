/**
 * Production entry point: opens the state store (PostgreSQL: MAILLAGE_POSTGRES_URL, or the embedded
 * PGlite folder), the database once (or, with MAILLAGE_VERSIONS=1, the current data version
 * read-only, switched when an import publishes the next one), serves the API and, when built, the
 * web app on one port (PORT, default 8080).
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { dirname, join } from 'node:path';
import { createApp } from './app';
import { answerClientError } from './lib/client-error';
import { readConfig } from './config';
import { openDatabase, type Database } from './db/connection';
import { versionStore } from './db/data-versions';
import { openLiveDatabase, type LiveDatabase } from './db/live-database';
import { versionedImportRunner } from './imports/import-runner';
import { checkSchema } from './db/meta-queries';
import { topologyFromFile } from './geo/topology-store';
import { describeReconciliation, reconcileJournal } from './imports/reconcile-journal';
import { mountWebApp } from './lib/serve-web';
import { nextTurn } from './lib/next-turn';
import { closeAnalysisPool } from './workers/analysis-pool';
import { matchRoute } from '../../web/src/app/routes';
import { openStateStore, type StateStore } from './db/state-store';
import { stateChanges } from './db/state-changes';
import { describeLegacyMove, moveLegacyStore } from './db/state-legacy';
import { departementRegions } from './db/role-queries';
import { bootstrapAdmins } from './services/roles';

// Opening hours are evaluated on wall-clock dates (lib/opening-hours.ts): run in UTC.
process.env.TZ = 'UTC';
const t0 = Date.now();
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (err) {
  console.error(`Configuration invalide : ${(err as Error).message}`);
  process.exit(1);
}
if (!existsSync(config.dbPath)) {
  console.error(`Base absente : ${config.dbPath}. Lancez « npm run setup » (ou « npm run build:data »).`);
  process.exit(1);
}
// What users write: one PostgreSQL shared by every process (or the embedded PGlite of this one).
let state: StateStore;
try {
  state = await openStateStore({ postgresUrl: config.postgresUrl, pgliteDir: config.stateDir });
  const moved = await moveLegacyStore(state, config.legacyStatePath);
  if (moved) console.log(describeLegacyMove(moved));
} catch (err) {
  console.error(`Ouverture impossible du registre des rôles et propositions : ${(err as Error).message}`);
  process.exit(1);
}
const changes = await stateChanges(state);
const topology = topologyFromFile(config.topologyPath);
let db: Awaited<ReturnType<typeof openDatabase>>;
// MAILLAGE_VERSIONS=1: the current data version, read-only — several processes serve it side by
// side; imports write the next version aside in a child process and every process switches to it
// whole (db/data-versions.ts, db/live-database.ts). Otherwise one process opens the file itself.
const WARM_PATHS = ['/api/health', '/api/coverage/cpts?territory=france', '/api/snp/nearest?commune=75056', '/api/structures?departement=75'];
const store = versionStore(config.dbPath);
let live: LiveDatabase | null = null;
const prepare = async (version: Database) => {
  await checkSchema(version);
  // What is built once per version — the commune table, the care offer, the SNP finder's index —
  // is built here, before the switch, so that the first requests on the new version find it ready.
  // Off the request thread where it can be: the analyses of the warm-up run on the analysis workers
  // (workers/analysis-pool.ts), which decode the new version's inputs there; between two steps the
  // event loop turns, so requests on the current version (and /api/health) are answered meanwhile.
  const app = createApp({ db: version, state, topology, config });
  for (const path of WARM_PATHS) {
    await nextTurn();
    const res = await app.request(path);
    if (!res.ok) console.error(`Préchargement incomplet (${path}) : ${res.status} ${await res.text()}`);
  }
};
try {
  if (config.versions) {
    live = await openLiveDatabase(store, { warm: prepare });
    db = live.current();
  } else db = await openDatabase(config.dbPath, { readOnly: config.readOnly });
} catch (err) {
  console.error(`Ouverture impossible de la base ${config.dbPath} : ${(err as Error).message}`);
  console.error('Une autre instance l\'utilise-t-elle en écriture ? (MAILLAGE_READ_ONLY=1 pour une instance en lecture seule)');
  process.exit(1);
}
try {
  await checkSchema(db);
  // (With data versions, an import is published whole or not at all: nothing to reconcile in place.)
  if (!config.readOnly && !config.versions) {
    const note = describeReconciliation(await reconcileJournal(db, join(dirname(config.dbPath), 'imports')));
    if (note) console.warn(note);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
try {
  const admins = (process.env.MAILLAGE_ADMINISTRATEURS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (admins.length > 0) await bootstrapAdmins(db, state, await departementRegions(db), admins);
} catch (err) {
  console.error(`Attribution des administrateurs impossible (${state.where}) : ${(err as Error).message}`);
  process.exit(1);
}
if (config.auth.providers.length === 0) console.log('Connexion non configurée : consultation publique en lecture seule, imports par la ligne de commande.');
// Any process with data versions accepts imports; the state store's advisory lock runs one at a time.
const importer = live && !config.readOnly ? versionedImportRunner(store, join(dirname(config.dbPath), 'imports'), state, () => live!.refresh()) : undefined;
// A version published by another process (announced through the store) is switched to at once.
changes.on('donnees', () => void live?.refresh().catch((err) => console.error(`Changement de version impossible : ${(err as Error).message}`)));
const app = createApp({ db, state, database: live ? () => live!.current() : undefined, importer, topology, config });

if (config.webDist) {
  if (!existsSync(config.webDist)) {
    console.error(`Application web non construite (${config.webDist}) : lancez « npm run build:web ».`);
    process.exit(1);
  }
  // Client-side routes (/, /cpts, /cpts/<id>, /snp: web/src/app/routes.ts) get the app shell; any
  // other path gets it too, with status 404, and the app shows its « page introuvable ».
  mountWebApp(app, config.webDist, (path) => (matchRoute(path).page === 'introuvable' ? 404 : 200));
}

// Warm-up before listening: the commune table and the care offer are read once per version, an
// analysis worker starts and decodes them, the France coverage is computed there. « prêt » then
// means ready: the first users do not meet the warm-up's analyses in the workers' queue (a 503
// « occupé » seen by the browser tests on a loaded machine when the warm-up ran after listening).
const warmStart = Date.now();
const warm = await app.request('/api/coverage/cpts?territory=france');
if (!warm.ok) console.error(`Préchargement incomplet : ${warm.status} ${await warm.text()}`);
else console.log(`Préchargement terminé (${Date.now() - warmStart} ms)`);

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Maillage prêt sur http://localhost:${info.port} (${Date.now() - t0} ms)`);
});
server.on('clientError', answerClientError);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    server.close();
    if (live) live.close();
    else db.close();
    await changes.close().catch(() => {});
    await closeAnalysisPool().catch(() => {});
    await state.close().catch(() => {});
    process.exit(0);
  });
}
