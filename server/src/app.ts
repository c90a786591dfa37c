/**
 * Builds the Hono application: one sub-app per resource under /api, dependencies injected through
 * the typed context, one error shape. `AppType` is the contract consumed by the web client.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppDeps, AppEnv } from './context';
import { errorBody, handleError } from './lib/api-error';
import { scopeMiddleware } from './scope/request-scope';
import { securityHeaders } from './lib/security-headers';
import { answerCache } from './lib/answer-cache';
import { jsonBodyLimit } from './lib/json-body-limit';
import { healthRoutes } from './routes/health';
import { territoryRoutes } from './routes/territories';
import { communeRoutes } from './routes/communes';
import { searchRoutes } from './routes/search';
import { tileRoutes } from './routes/tiles';
import { structureRoutes } from './routes/structures';
import { cptsRoutes } from './routes/cpts';
import { cptsAccessRoutes } from './routes/cpts-access';
import { protocolRoutes } from './routes/protocols';
import { sasRoutes } from './routes/sas';
import { importRoutes } from './routes/imports';
import { perimeterRoutes } from './routes/perimeter';
import { cptsDraftRoutes } from './routes/cpts-draft';
import { coverageRoutes } from './routes/coverage';
import { accessRoutes } from './routes/access';
import { indicatorRoutes } from './routes/indicators';
import { snpFinderRoutes } from './routes/snp-finder';
import { neighbourhoodRoutes } from './routes/neighbourhood';
import { NO_AUTH } from './auth/auth-config';
import { stateChanges } from './db/state-changes';
import { syncStateMirror } from './db/state-mirror';
import { enter, leave } from './db/in-flight';
import { sharedLimits } from './services/rate-limits';
import { writeRateLimit } from './lib/write-rate-limit';
import { readOnlyImports } from './lib/read-only-writes';
import { authRoutes } from './routes/auth';
import { proposalRoutes } from './routes/proposals';
import { roleRoutes } from './routes/roles';
import { auditRoutes } from './routes/audit';
import { cptsVersionRoutes } from './routes/cpts-versions';
import { officialIndicatorRoutes } from './routes/official-indicators';

export function createApi(deps: AppDeps) {
  const auth = deps.config.auth ?? NO_AUTH;
  const limits = sharedLimits(deps.state, auth);
  const changes = stateChanges(deps.state);
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      const db = deps.database?.() ?? deps.db;
      // The CPTS versions the « au <date> » queries join: as the store was at the last change announced.
      await syncStateMirror(db, deps.state, (await changes).version());
      c.set('db', db);
      c.set('state', deps.state);
      c.set('current', () => deps.database?.() ?? deps.db);
      if (deps.importer) c.set('importer', deps.importer);
      c.set('topology', deps.topology);
      c.set('config', deps.config);
      c.set('limits', limits);
      enter(db);
      try {
        await next();
      } finally {
        leave(db);
      }
    })
    .use('*', scopeMiddleware)
    .use('*', answerCache(deps.answers))
    .use('*', readOnlyImports)
    .use('*', writeRateLimit)
    .route('/', healthRoutes)
    .route('/', territoryRoutes)
    .route('/', communeRoutes)
    .route('/', searchRoutes)
    .route('/', tileRoutes)
    .route('/', structureRoutes)
    .route('/', cptsRoutes)
    .route('/', cptsAccessRoutes)
    .route('/', protocolRoutes)
    .route('/', sasRoutes)
    .route('/', importRoutes)
    .route('/', perimeterRoutes)
    .route('/', cptsDraftRoutes)
    .route('/', coverageRoutes)
    .route('/', accessRoutes)
    .route('/', indicatorRoutes)
    .route('/', snpFinderRoutes)
    .route('/', neighbourhoodRoutes)
    .route('/', authRoutes)
    .route('/', proposalRoutes)
    .route('/', roleRoutes)
    .route('/', auditRoutes)
    .route('/', cptsVersionRoutes)
    .route('/', officialIndicatorRoutes);
}

export function createApp(deps: AppDeps) {
  const app = new Hono().use('*', securityHeaders(deps.config.basemap)).use('/api/*', compress()).use('/api/*', jsonBodyLimit).route('/api', createApi(deps));
  app.notFound((c) =>
    c.json(errorBody('introuvable', `Adresse inconnue : ${c.req.method} ${new URL(c.req.url).pathname}`), 404),
  );
  app.onError(handleError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
