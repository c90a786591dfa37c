/**
 * `npm run roles`: how the first administrator is created, and roles granted, listed and revoked
 * from the command line, recorded in the audit log; a bad territory is refused in French with exit
 * code 1 (2 for an unknown role) and changes nothing. (Each call is a process: few of them.)
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { REPO } from '../helpers/paths';
import { freshStateLocation } from '../helpers/state-fixture';

const run = promisify(execFile);

describe('npm run roles', () => {
  it('grants, lists and revokes roles, refusing bad ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-roles-'));
    copyFileSync(join(inject('fixtureDir'), 'maillage.duckdb'), join(dir, 'maillage.duckdb'));
    // The embedded store (PGlite folder): the CLI opens it when no server runs.
    const state = await freshStateLocation('pglite');
    const env = { ...process.env, MAILLAGE_DB: join(dir, 'maillage.duckdb'), ...state.env };
    const roles = (...args: string[]) => run(join(REPO, 'node_modules/.bin/tsx'), ['scripts/roles.ts', ...args], { cwd: REPO, env }).then(
      (r) => ({ code: 0, out: r.stdout.trim(), err: r.stderr.trim() }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout.trim(), err: e.stderr.trim() }),
    );
    expect(await roles('accorder', 'Alice@ARS.test', 'administrateur', 'france')).toMatchObject({ code: 0, out: 'Rôle accordé : Alice@ARS.test — administrateur (france).' });
    expect(await roles('accorder', 'bob@ars.test', 'délégué ARS', 'region:04')).toMatchObject({ code: 0 });
    expect(await roles('accorder', 'bob@ars.test', 'délégué ARS', 'departement:99')).toMatchObject({ code: 1, err: expect.stringMatching(/^Refusé : Le rôle de délégué ARS se donne sur un département/) });
    expect((await roles('accorder', 'c@cpts.test', 'chef', 'france')).code).toBe(2);
    expect((await roles('retirer', 'bob@ars.test', 'délégué ARS', 'region:04')).out).toBe('Rôle retiré : bob@ars.test — délégué ARS (region:04).');
    expect((await roles('lister')).out).toMatch(/^alice@ars\.test\tadministrateur\tfrance\t\(par ligne de commande \(.+\), \d{4}-/);

    const store = await state.open();
    try {
      expect(await store.query('SELECT action, target, after, before FROM etat.audit ORDER BY at_time')).toEqual([
        { action: 'role.attribution', target: 'alice@ars.test', after: 'administrateur (france)', before: null },
        { action: 'role.attribution', target: 'bob@ars.test', after: 'délégué ARS (region:04)', before: null },
        { action: 'role.retrait', target: 'bob@ars.test', after: null, before: 'délégué ARS (region:04)' },
      ]);
    } finally {
      await store.close();
      await state.dispose();
    }
  }, 240_000);
});
