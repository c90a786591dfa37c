/**
 * Item 2 of issue 11: `kill -9` of an import at the worst moments, then the server starts and the
 * data build runs. Both must succeed, the data is the old or the new version, and the journal of
 * imports and the database agree (same import ids). The CLI import (`npm run import`) is killed
 * by a real SIGKILL at a fault-injection point (MAILLAGE_CRASH_AT, server/src/lib/crash-point.ts):
 * - `journal-ecrit`: its journal line is written, its transaction not committed;
 * - `commit`: the transaction is committed, the process dies before answering.
 * A journal whose last line was torn by a crash during the write is repaired the same way.
 * Built on La Réunion alone (about a second a build).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServer } from '../../scripts/lib/run-server';
import { openDatabase } from '../../server/src/db/connection';
import { JOURNAL, readJournal } from '../../server/src/imports/import-archive';
import { reconcileJournal } from '../../server/src/imports/reconcile-journal';
import { REPO } from '../helpers/paths';
import { queryDatabase, reunionBuild } from '../helpers/reunion-build';

const CPTS = 'id_cpts;nom;statut;date_statut;commune_insee;source\n'
  + 'REU-974-CRASH;CPTS du test de crash;ACI signé;2020-12-23;97412;test de crash\n';

describe('an import killed with SIGKILL', () => {
  it('leaves a journal and a database that agree once the server starts, and a build that succeeds', async () => {
    const { outDir, importsDir, dbPath, build } = reunionBuild('maillage-crash-');
    const file = join(outDir, 'cpts-crash.csv');
    writeFileSync(file, CPTS);
    await build();

    const importKilledAt = (point: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'cpts', file], {
      cwd: REPO, env: { ...process.env, GEODATA_DIR: outDir, MAILLAGE_DB: dbPath, MAILLAGE_CRASH_AT: point }, encoding: 'utf8',
    });
    const importIds = async () => (await queryDatabase<{ id: string }>(dbPath, 'SELECT id FROM imports ORDER BY id')).map((r) => r.id);
    const journalIds = () => readJournal(importsDir).map((e) => e.id).sort();
    const crashCpts = async () => queryDatabase<{ id: string }>(dbPath, "SELECT id FROM cpts WHERE id = 'REU-974-CRASH'");
    /** Starts the server on the data, checks it answers, and stops it. */
    const startServer = async () => {
      const server = await runServer({ production: false, env: { GEODATA_DIR: outDir, MAILLAGE_DB: dbPath } });
      try {
        const health = await fetch(`${server.url}/api/health`);
        expect(health.status, server.log()).toBe(200);
        return ((await (await fetch(`${server.url}/api/imports`)).json()) as { total: number }).total;
      } finally {
        await server.stop();
      }
    };

    // 1. Killed between its journal line and its commit: the line is there, the import is not.
    const first = importKilledAt('journal-ecrit');
    expect(first.signal, `${first.status} ${first.stdout} ${first.stderr}`).toBe('SIGKILL');
    expect(readJournal(importsDir)).toHaveLength(1);
    expect(await importIds()).toEqual([]);
    // The server starts on the old version and puts the journal right.
    expect(await startServer()).toBe(0);
    expect(journalIds()).toEqual(await importIds());
    await build();
    expect(await crashCpts()).toEqual([]);
    expect(journalIds()).toEqual(await importIds());

    // 2. Killed just after its commit: the new version, with its journal line.
    const second = importKilledAt('commit');
    expect(second.signal, second.stderr).toBe('SIGKILL');
    expect(await startServer()).toBe(1);
    const ids = await importIds();
    expect(ids).toHaveLength(1);
    expect(journalIds()).toEqual(ids);
    await build();
    expect(await crashCpts()).toEqual([{ id: 'REU-974-CRASH' }]);
    expect(await importIds()).toEqual(ids);
    expect(journalIds()).toEqual(ids);

    // 3. A line torn by a crash during its write is dropped; the committed ones stay.
    appendFileSync(join(importsDir, JOURNAL), '{"id":"imp-torn","kind":"cpts","sha');
    const db = await openDatabase(dbPath, { readOnly: true });
    try {
      expect(await reconcileJournal(db, importsDir)).toEqual({ dropped: [], restored: [], torn: true });
    } finally {
      db.close();
    }
    expect(readFileSync(join(importsDir, JOURNAL), 'utf8').trim().split('\n')).toHaveLength(1);
    await build();
    expect(journalIds()).toEqual(ids);
  }, 300_000);
});
