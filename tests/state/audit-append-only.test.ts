/**
 * The audit log is append-only: the table refuses UPDATE, DELETE and TRUNCATE whoever asks (its
 * triggers, on both stores), and no code of the server or of the scripts writes such a statement.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from '../../server/src/db/audit-queries';
import { REPO } from '../helpers/paths';
import { freshState, STATE_KINDS, type FreshState } from '../helpers/state-fixture';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|sql|mjs)$/.test(f) ? [p] : [];
  });

const opened: FreshState[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
});

for (const kind of STATE_KINDS) {
  describe(`the audit log — ${kind}`, () => {
    it('takes new lines and refuses to change or remove any', async () => {
      const s = await freshState(kind);
      opened.push(s);
      await appendAudit(s.store, { action: 'role.attribution', actor: 'test', target: 'a@b.test', departements: ['974'], before: null, after: 'coordinateur', detail: null });
      await appendAudit(s.store, { action: 'role.retrait', actor: 'test', target: 'a@b.test', departements: ['974'], before: 'coordinateur', after: null, detail: null });
      const before = await listAudit(s.store);
      expect(before.map((r) => r.action)).toEqual(expect.arrayContaining(['role.attribution', 'role.retrait']));
      for (const sql of ["UPDATE etat.audit SET after = 'effacé'", 'DELETE FROM etat.audit', 'TRUNCATE etat.audit']) {
        await expect(s.store.query(sql), sql).rejects.toThrow(/le journal d'audit ne se modifie pas/);
        await expect(s.store.transaction((tx) => tx.query(sql)), `${sql} (transaction)`).rejects.toThrow(/ne se modifie pas/);
      }
      expect(await listAudit(s.store)).toEqual(before);
    });
  });
}

describe('the code', () => {
  it('has no statement that updates or deletes audit rows, and no writer lock file', () => {
    const sources = [...files(join(REPO, 'server/src')), ...files(join(REPO, 'scripts'))];
    const offending = sources.filter((f) => /(UPDATE\s+etat\.audit|DELETE\s+FROM\s+etat\.audit|TRUNCATE\s+(TABLE\s+)?etat\.audit)/i.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
    // The one-writer lock and the snapshot replication are gone (grep -r ecrivain server/).
    expect(files(join(REPO, 'server')).filter((f) => /ecrivain|state-snapshots/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
