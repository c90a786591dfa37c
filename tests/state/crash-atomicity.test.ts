/**
 * `kill -9` in the middle of a proposal's validation and of a role grant, on both stores: a
 * process killed before its transaction commits leaves the state wholly as before (proposal still
 * submitted, no version, no audit line, no role), one killed just after leaves it wholly after
 * (validated, its version with all its communes, its audit line; the role and its audit line).
 * The process is real (tests/state/helpers/state-child.ts) and kills itself at the named point.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../server/src/db/connection';
import { createProposal, submitProposal } from '../../server/src/services/proposals';
import type { RequestScope } from '../../server/src/scope/request-scope';
import { REPO } from '../helpers/paths';
import { freshStateLocation, STATE_KINDS, type StateLocation } from '../helpers/state-fixture';

const CHILD = join(REPO, 'tests/state/helpers/state-child.ts');
const CPTS = 'REU-974-GRAND-SUD';
const coordinator: RequestScope = {
  actor: { kind: 'utilisateur', id: 'coordinatrice@cpts-grand-sud.test', name: 'C', provider: 'proconnect', roles: [{ role: 'coordinateur', territoire: `cpts:${CPTS}` }], csrf: 'x' },
  demo: true, date: '2026-09-01', dateGiven: false,
};

function child(location: StateLocation, crashAt: string, ...args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...location.env, MAILLAGE_DB: join(inject('fixtureDir'), 'maillage.duckdb'), MAILLAGE_CRASH_AT: crashAt };
    const c = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (out += d));
    c.once('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

let db: Database;
beforeAll(async () => {
  db = await openDatabase(join(inject('fixtureDir'), 'maillage.duckdb'), { readOnly: true });
});
afterAll(() => db.close());

for (const kind of STATE_KINDS) {
  describe(`kill -9 during a write — ${kind}`, () => {
    it('leaves a validation wholly before or wholly after', async () => {
      const location = await freshStateLocation(kind);
      let state = await location.open();
      const p = await createProposal(db, state, coordinator, CPTS, { added: ['97422'], removed: [], comment: null });
      const s = await submitProposal(state, coordinator, p.id, p.revision);
      await state.close();
      const look = async () => {
        state = await location.open();
        try {
          return {
            proposal: (await state.query<{ state: string; revision: number }>('SELECT state, revision FROM etat.propositions WHERE id = $1', [p.id]))[0],
            versions: await state.query<{ version: number; communes: number }>('SELECT v.version, (SELECT count(*)::integer FROM etat.cpts_version_communes c WHERE c.cpts_id = v.cpts_id AND c.version = v.version) AS communes FROM etat.cpts_versions v'),
            audit: (await state.query<{ action: string }>("SELECT action FROM etat.audit WHERE action LIKE 'proposition.%' ORDER BY at_time")).map((r) => r.action),
            stateVersion: (await state.query<{ value: string }>("SELECT value FROM etat.meta WHERE key = 'state_version'"))[0]!.value,
          };
        } finally {
          await state.close();
        }
      };
      const before = await look();
      expect(before).toEqual({ proposal: { state: 'soumise', revision: s.revision }, versions: [], audit: ['proposition.creation', 'proposition.soumission'], stateVersion: '0' });

      const killedInside = await child(location, 'decision-ecrite', 'valider', p.id, String(s.revision));
      expect(killedInside.signal, killedInside.out).toBe('SIGKILL');
      expect(await look()).toEqual(before);

      const killedAfter = await child(location, 'decision-validee', 'valider', p.id, String(s.revision));
      expect(killedAfter.signal, killedAfter.out).toBe('SIGKILL');
      expect(await look()).toEqual({
        proposal: { state: 'validée', revision: s.revision + 1 }, versions: [{ version: 1, communes: 4 }],
        audit: ['proposition.creation', 'proposition.soumission', 'proposition.validation'], stateVersion: '1',
      });
      await location.dispose();
    }, 120_000);

    it('leaves a role grant wholly before or wholly after', async () => {
      const location = await freshStateLocation(kind);
      const look = async () => {
        const state = await location.open();
        try {
          return {
            roles: await state.query('SELECT identifiant, role, territoire FROM etat.roles'),
            audit: await state.query('SELECT action, target FROM etat.audit'),
          };
        } finally {
          await state.close();
        }
      };
      const killedInside = await child(location, 'role-ecrit', 'accorder', 'nouvelle@cpts.test');
      expect(killedInside.signal, killedInside.out).toBe('SIGKILL');
      expect(await look()).toEqual({ roles: [], audit: [] });
      const killedAfter = await child(location, 'role-valide', 'accorder', 'nouvelle@cpts.test');
      expect(killedAfter.signal, killedAfter.out).toBe('SIGKILL');
      expect(await look()).toEqual({
        roles: [{ identifiant: 'nouvelle@cpts.test', role: 'coordinateur', territoire: `cpts:${CPTS}` }],
        audit: [{ action: 'role.attribution', target: 'nouvelle@cpts.test' }],
      });
      await location.dispose();
    }, 120_000);
  });
}
