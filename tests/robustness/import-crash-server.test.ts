/**
 * Issue 11, item 2, the server's case: an HTTP import to a running server (default mode, no data
 * versions) whose process is killed by a real SIGKILL at a fault-injection point
 * (MAILLAGE_CRASH_AT in the server's environment, server/src/lib/crash-point.ts):
 * - `journal-ecrit`: the journal line is written, the transaction not committed;
 * - `commit`: the transaction is committed, the server dies before answering.
 * Then the server starts again (health ok), and the build replays the journal: both succeed, the
 * data is the old or the new version, and the journal and the database agree (same import ids).
 * Built on La Réunion alone (about a second a build).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServer } from '../../scripts/lib/run-server';
import { readJournal } from '../../server/src/imports/import-archive';
import { queryDatabase, reunionBuild } from '../helpers/reunion-build';

const TOKEN = 'jeton-du-test-de-crash';
const CPTS = 'id_cpts;nom;statut;date_statut;commune_insee;source\n'
  + 'REU-974-CRASH-HTTP;CPTS du test de crash du serveur;ACI signé;2020-12-23;97412;test de crash\n';

describe('an HTTP import whose server is killed with SIGKILL', () => {
  it('leaves a journal and a database that agree once the server starts again, and a build that succeeds', async () => {
    const { outDir, importsDir, dbPath, build } = reunionBuild('maillage-crash-serveur-');
    writeFileSync(join(outDir, 'cpts-crash.csv'), CPTS);
    await build();
    const env = { GEODATA_DIR: outDir, MAILLAGE_DB: dbPath, MAILLAGE_EDITOR_TOKEN: TOKEN, MAILLAGE_VERSIONS: '0', MAILLAGE_READ_ONLY: '0' };

    const importIds = async () => (await queryDatabase<{ id: string }>(dbPath, 'SELECT id FROM imports ORDER BY id')).map((r) => r.id);
    const journalIds = () => readJournal(importsDir).map((e) => e.id).sort();
    const crashCpts = async () => queryDatabase<{ id: string }>(dbPath, "SELECT id FROM cpts WHERE id = 'REU-974-CRASH-HTTP'");

    /** Starts a server that dies at `point`, sends it the import, and waits for its death. */
    const serverKilledAt = async (point: string) => {
      const server = await runServer({ production: false, env: { ...env, MAILLAGE_CRASH_AT: point }, timeoutMs: 60_000 });
      const answer = await fetch(`${server.url}/api/imports/cpts?nom=cpts-crash.csv`, {
        method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' }, body: CPTS,
      }).then((res) => `HTTP ${res.status}`, (err: Error) => err);
      // No answer: the connection dropped with the process.
      expect(answer, server.log()).toBeInstanceOf(Error);
      const exit = await server.exited();
      expect(exit.code === 0 && exit.signal === null, server.log()).toBe(false);
      return server.log();
    };
    /** Starts the server (no fault), checks its health, returns its journal of imports, and stops it. */
    const startServer = async () => {
      const server = await runServer({ production: false, env, timeoutMs: 60_000 });
      try {
        const health = await fetch(`${server.url}/api/health`);
        expect(health.status, server.log()).toBe(200);
        expect(((await health.json()) as { ok: boolean }).ok, server.log()).toBe(true);
        return ((await (await fetch(`${server.url}/api/imports`)).json()) as { total: number }).total;
      } finally {
        await server.stop();
      }
    };

    // 1. Killed between its journal line and its commit: the line is there, the import is not.
    await serverKilledAt('journal-ecrit');
    expect(readJournal(importsDir)).toHaveLength(1);
    expect(await importIds()).toEqual([]);
    // The server starts on the old version and puts the journal right.
    expect(await startServer()).toBe(0);
    expect(journalIds()).toEqual([]);
    await build();
    expect(await crashCpts()).toEqual([]);
    expect(await importIds()).toEqual([]);
    expect(journalIds()).toEqual([]);

    // 2. Killed just after its commit: the new version, with its journal line.
    await serverKilledAt('commit');
    const ids = await importIds();
    expect(ids).toHaveLength(1);
    expect(journalIds()).toEqual(ids);
    expect(await startServer()).toBe(1);
    expect(journalIds()).toEqual(ids);
    await build();
    expect(await crashCpts()).toEqual([{ id: 'REU-974-CRASH-HTTP' }]);
    expect(await importIds()).toEqual(ids);
    expect(journalIds()).toEqual(ids);
  }, 240_000);
});
