/**
 * PGlite serves one process: a second process opening the same folder is refused with a French
 * message that says what to do, and the folder of a process killed with -9 is taken over at the
 * next start. Migrations are applied once, recorded, and an applied migration edited since is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../server/src/db/state-migrations';
import { openStateStore } from '../../server/src/db/state-store';
import { REPO } from '../helpers/paths';
import { freshState, freshStateLocation, STATE_KINDS } from '../helpers/state-fixture';

const CHILD = join(REPO, 'tests/state/helpers/state-child.ts');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** Starts a child on the folder; resolves with what it printed once it said « ouvert » or exited. */
function openIn(env: Record<string, string>): Promise<{ child: ChildProcess; opened: boolean; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'ouvrir'], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('ouvert')) resolve({ child, opened: true, out });
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', () => resolve({ child, opened: false, out }));
  });
}

describe('the embedded store (PGlite)', () => {
  it('refuses a second process on its folder, in French, and takes over the folder of a killed one', async () => {
    const location = await freshStateLocation('pglite');
    const first = await openIn(location.env);
    expect(first.opened).toBe(true);
    const second = await openIn(location.env);
    expect(second.opened).toBe(false);
    expect(second.out).toMatch(new RegExp(`le registre embarqué \\(PGlite, dossier .*\\) est déjà ouvert par le processus \\d+ : PGlite ne sert qu'un processus à la fois\\. Arrêtez l'autre processus, ou partagez un serveur PostgreSQL entre les processus \\(MAILLAGE_POSTGRES_URL=postgres://…\\)`));
    // In this process too, while the child holds it.
    await expect(openStateStore({ pgliteDir: location.env.MAILLAGE_STATE_DIR })).rejects.toThrow(/déjà ouvert par le processus/);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const store = await openStateStore({ pgliteDir: location.env.MAILLAGE_STATE_DIR });
    expect(await store.query("SELECT value FROM etat.meta WHERE key = 'state_version'")).toEqual([{ value: '0' }]);
    await store.close();
    await location.dispose();
  }, 60_000);
});

for (const kind of STATE_KINDS) {
  describe(`migrations — ${kind}`, () => {
    it('are applied once, recorded, and an edited one is refused', async () => {
      const s = await freshState(kind);
      const all = readMigrations();
      expect(all.map((m) => m.name)).toEqual(['0001-etat.sql']);
      const rows = await s.store.query<{ name: string; sha256: string }>('SELECT name, sha256 FROM etat.schema_migrations ORDER BY name');
      expect(rows).toEqual(all.map((m) => ({ name: m.name, sha256: m.sha256 })));
      expect(await applyMigrations(s.store)).toEqual([]);

      const dir = mkdtempSync(join(tmpdir(), 'maillage-migrations-'));
      cpSync(join(REPO, 'server/src/db/migrations'), dir, { recursive: true });
      writeFileSync(join(dir, '0002-essai.sql'), 'CREATE TABLE etat.essai (x integer);\nINSERT INTO etat.essai VALUES (1);\n');
      expect(await applyMigrations(s.store, readMigrations(dir))).toEqual(['0002-essai.sql']);
      expect(await s.store.query('SELECT x FROM etat.essai')).toEqual([{ x: 1 }]);
      expect(await applyMigrations(s.store, readMigrations(dir))).toEqual([]);

      writeFileSync(join(dir, '0001-etat.sql'), `${readMigrations()[0]!.sql}\n-- modifié\n`);
      await expect(applyMigrations(s.store, readMigrations(dir))).rejects.toThrow(/la migration 0001-etat\.sql du registre a changé depuis qu'elle a été appliquée/);
      await s.close();
    });
  });
}
