/**
 * `npm run bench -- registre`: what users write, under load, on both state stores (the embedded
 * PGlite folder, and a PostgreSQL server started for the bench): 50 concurrent writers saving
 * proposals (POST /api/propositions, one signed-in coordinator per connection) for STATE_SECONDS
 * (default 15 s) while 50 connections run the read mix, against the production server on a copy
 * of geodata/. Each save carries a number of its own (in its comment); printed: writes/s, p50/p99
 * of writes and reads, and the rows found afterwards — every proposal answered 201 is in the store
 * with its audit line (0 lost), no number is saved twice (0 duplicated). Saves still in flight when
 * the load stops may be written without their answer being counted: they are printed apart.
 * With PostgreSQL, two server processes share the store: a role revoked (committed) by the bench
 * is refused by the other process; the delay from the commit to the first refusal is measured
 * (target ≤ 100 ms), 20 times.
 */
import { copyFileSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../server/src/db/connection';
import { departementRegions } from '../../server/src/db/role-queries';
import { openStateStore, type StateStoreOptions } from '../../server/src/db/state-store';
import { changeRole } from '../../server/src/services/roles';
import { signInThrough } from '../../tests/helpers/oidc-sign-in';
import { startDevOidcProvider } from '../lib/dev-oidc-provider';
import { startPostgresCluster } from '../lib/postgres-cluster';
import { geodataDir } from '../lib/paths';
import { freePort, runServer, type RunningServer } from '../lib/run-server';
import { READ_MIX } from './charge.bench';
import type { BenchModule } from './harness';
import { summarise } from './harness';

const SECONDS = Number(process.env.STATE_SECONDS ?? 15);
const CPTS = 'REU-974-GRAND-SUD';
const COORD = 'coordinatrice@cpts-grand-sud.test';
const SECRET = 'secret-de-session-du-banc-registre-0123456789';

function geodataCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-registre-'));
  copyFileSync(join(geodataDir(), 'maillage.duckdb'), join(dir, 'maillage.duckdb'));
  symlinkSync(join(geodataDir(), 'communes.topo.json'), join(dir, 'communes.topo.json'));
  return dir;
}

interface Run { reqPerSec: number; p50: number; p99: number; ok: number; non2xx: number; errors: number }
function cannon(o: autocannon.Options): Promise<Run> {
  return new Promise((resolve, reject) =>
    autocannon(o, (err, r) => (err ? reject(err) : resolve({ reqPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], non2xx: r.non2xx, errors: r.errors + r.timeouts }))));
}

async function seedRoles(options: StateStoreOptions, dbPath: string) {
  const db = await openDatabase(dbPath, { readOnly: true });
  const state = await openStateStore(options);
  try {
    await changeRole(db, state, { machine: 'banc' }, await departementRegions(db), { identifiant: COORD, role: 'coordinateur', territoire: `cpts:${CPTS}` }, true);
  } finally {
    db.close();
    await state.close();
  }
}

async function startServers(n: number, stateEnv: Record<string, string>) {
  const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
  const urls = ports.map((p) => `http://127.0.0.1:${p}`);
  const provider = await startDevOidcProvider({ clients: urls.map((u, i) => ({ clientId: `banc-${i}`, clientSecret: 'secret-client-banc', redirectUris: [`${u}/api/auth/proconnect/retour`] })) });
  const servers: RunningServer[] = [];
  for (let i = 0; i < n; i++) {
    servers.push(await runServer({
      port: ports[i], env: {
        GEODATA_DIR: geodataCopy(), MAILLAGE_VERSIONS: '1', ...stateEnv, MAILLAGE_SESSION_SECRET: SECRET, MAILLAGE_PUBLIC_URL: urls[i]!,
        MAILLAGE_PROCONNECT_ISSUER: provider.issuer, MAILLAGE_PROCONNECT_CLIENT_ID: `banc-${i}`, MAILLAGE_PROCONNECT_CLIENT_SECRET: 'secret-client-banc',
        MAILLAGE_LIMITE_ECRITURES: '100000000',
      }, timeoutMs: 120_000,
    }));
  }
  return { servers, provider };
}

async function writersAndReaders(kind: string, stateEnv: Record<string, string>, options: StateStoreOptions, log: (l: string) => void): Promise<boolean> {
  const { servers: [server], provider } = await startServers(1, stateEnv);
  try {
    const user = await signInThrough({ appFetch: fetch, appUrl: server!.url, login: 'coordinatrice' });
    const headers = { ...user.headers, origin: server!.url, 'content-type': 'application/json' };
    let sent = 0;
    const answered = new Set<string>();
    const [writes, reads] = await Promise.all([
      cannon({
        url: server!.url, connections: 50, duration: SECONDS, timeout: 10,
        requests: [{
          method: 'POST', path: '/api/propositions', headers,
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ cpts: CPTS, ajouts: ['97422'], commentaire: `banc ${++sent}` }) }),
          onResponse: (status, body) => {
            if (status === 201) answered.add((JSON.parse(body) as { proposition: { id: string } }).proposition.id);
          },
        }],
      }),
      cannon({ url: server!.url, connections: 50, duration: SECONDS, timeout: 10, headers: { 'accept-encoding': 'br, gzip' }, requests: READ_MIX.map((path) => ({ method: 'GET' as const, path })) }),
    ]);
    await server!.stop();
    const state = await openStateStore(options);
    const rows = await state.query<{ id: string; comment: string; audited: boolean }>(
      `SELECT p.id, p.comment, EXISTS (SELECT 1 FROM etat.audit a WHERE a.action = 'proposition.creation' AND a.target = p.id) AS audited
       FROM etat.propositions p WHERE p.comment LIKE 'banc %'`,
    );
    await state.close();
    const stored = new Map(rows.map((r) => [r.id, r]));
    const lost = [...answered].filter((id) => !stored.get(id)?.audited).length;
    const duplicated = rows.length - new Set(rows.map((r) => r.comment)).size;
    const unanswered = rows.length - answered.size;
    const met = lost === 0 && duplicated === 0 && writes.errors === 0 && writes.non2xx === 0 && reads.errors === 0 && reads.non2xx === 0;
    log(`${kind.padEnd(10)} 50 écrivains : ${(answered.size / SECONDS).toFixed(0)} écritures/s (p50 ${writes.p50} ms, p99 ${writes.p99} ms, ${writes.non2xx} non-2xx, ${writes.errors} erreurs) ; `
      + `lectures ${reads.reqPerSec.toFixed(0)} req/s (p99 ${reads.p99} ms, ${reads.non2xx} non-2xx) ; ${answered.size} réponses 201, toutes retrouvées avec leur ligne d'audit sauf ${lost} (perdues), `
      + `${duplicated} en double, ${unanswered} écrite(s) sans réponse comptée (en vol à l'arrêt de la charge) ${met ? '✔' : '✘'} cible 0 perdue, 0 en double, 0 erreur`);
    return met;
  } finally {
    await server!.stop().catch(() => {});
    await provider.stop();
  }
}

/** PostgreSQL, two processes: revoked by the bench (its commit), refused by the other process — the delay. */
async function revocation(stateEnv: Record<string, string>, options: StateStoreOptions, log: (l: string) => void): Promise<boolean> {
  const { servers, provider } = await startServers(2, stateEnv);
  const db = await openDatabase(join(geodataDir(), 'maillage.duckdb'), { readOnly: true });
  const state = await openStateStore(options);
  try {
    const regionOf = await departementRegions(db);
    const user = await signInThrough({ appFetch: fetch, appUrl: servers[1]!.url, login: 'coordinatrice' });
    const role = { identifiant: COORD, role: 'coordinateur' as const, territoire: `cpts:${CPTS}` };
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      await changeRole(db, state, { machine: 'banc' }, regionOf, role, true);
      await changeRole(db, state, { machine: 'banc' }, regionOf, role, false);
      const committed = performance.now();
      for (;;) {
        const res = await fetch(`${servers[1]!.url}/api/propositions`, { method: 'POST', headers: { ...user.headers, origin: servers[1]!.url }, body: JSON.stringify({ cpts: CPTS, ajouts: ['97422'] }) });
        await res.arrayBuffer();
        if (res.status === 403) break;
        if (performance.now() - committed > 5000) throw new Error(`rôle retiré toujours accepté après 5 s (HTTP ${res.status})`);
      }
      delays.push(performance.now() - committed);
    }
    const t = summarise('retrait → refus', delays);
    const met = t.maxMs <= 100;
    log(`postgres   rôle retiré (commit) → refusé par l'autre processus : médiane ${t.medianMs.toFixed(1)} ms, max ${t.maxMs.toFixed(1)} ms sur 20 ${met ? '✔' : '✘'} cible ≤ 100 ms`);
    return met;
  } finally {
    db.close();
    await state.close();
    for (const s of servers) await s.stop();
    await provider.stop();
  }
}

const bench: BenchModule = {
  name: 'registre',
  async run(log) {
    let met = true;
    const pgliteDir = join(mkdtempSync(join(tmpdir(), 'maillage-registre-pglite-')), 'etat');
    await seedRoles({ pgliteDir }, join(geodataDir(), 'maillage.duckdb'));
    met = (await writersAndReaders('PGlite', { MAILLAGE_STATE_DIR: pgliteDir }, { pgliteDir }, log)) && met;

    const cluster = await startPostgresCluster();
    try {
      await seedRoles({ postgresUrl: cluster.url }, join(geodataDir(), 'maillage.duckdb'));
      met = (await writersAndReaders('PostgreSQL', { MAILLAGE_POSTGRES_URL: cluster.url }, { postgresUrl: cluster.url }, log)) && met;
      met = (await revocation({ MAILLAGE_POSTGRES_URL: cluster.url }, { postgresUrl: cluster.url }, log)) && met;
    } finally {
      cluster.stop();
    }
    return met;
  },
};

export default bench;
