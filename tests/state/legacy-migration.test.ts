/**
 * The DuckDB state store of the previous release (tests/fixtures/etat-duckdb-41f939f, written by
 * that release's own code) moves into PostgreSQL once, on both stores: every row of every table is
 * kept as it was, the counts before/after are logged, the old file is kept aside, the CPTS
 * versions answer « au <date> » again, and a second start moves nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../server/src/db/connection';
import { cptsCommunes } from '../../server/src/db/cpts-queries';
import { describeLegacyMove, moveLegacyStore } from '../../server/src/db/state-legacy';
import { syncStateMirror } from '../../server/src/db/state-mirror';
import { stateVersion } from '../../server/src/db/state-store';
import { REPO } from '../helpers/paths';
import { freshState, STATE_KINDS, type FreshState } from '../helpers/state-fixture';

const FIXTURE = join(REPO, 'tests/fixtures/etat-duckdb-41f939f/maillage-etat.duckdb.gz');
const KEYS: Record<string, string> = {
  roles: 'identifiant, role, territoire', propositions: 'id', cpts_versions: 'cpts_id, version',
  cpts_version_communes: 'cpts_id, version, commune', audit: 'id',
};

/** Every row of the old file, each table ordered by its key, as JSON. */
async function legacyRows(file: string): Promise<Record<string, unknown[]>> {
  const db = await openDatabase(file, { readOnly: true, readers: 1 });
  try {
    const out: Record<string, unknown[]> = {};
    for (const [t, key] of Object.entries(KEYS)) {
      const [r] = await db.all<{ j: string }>(`SELECT coalesce(to_json(list(t ORDER BY ${key}))::VARCHAR, '[]') AS j FROM ${t} t`);
      out[t] = JSON.parse(r!.j);
    }
    return out;
  } finally {
    db.close();
  }
}

const opened: FreshState[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
});

for (const kind of STATE_KINDS) {
  describe(`moving the DuckDB state store — ${kind}`, () => {
    it('keeps every row, logs the counts and keeps the old file aside', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'maillage-ancien-'));
      const file = join(dir, 'maillage-etat.duckdb');
      writeFileSync(file, gunzipSync(readFileSync(FIXTURE)));
      const expected = await legacyRows(file);
      expect(Object.fromEntries(Object.entries(expected).map(([t, rows]) => [t, rows.length]))).toEqual({ roles: 3, propositions: 4, cpts_versions: 2, cpts_version_communes: 9, audit: 16 });

      const s = await freshState(kind);
      opened.push(s);
      const moved = (await moveLegacyStore(s.store, file, new Date('2026-12-07T10:00:00Z')))!;
      expect(moved.before).toEqual({ roles: 3, propositions: 4, cpts_versions: 2, cpts_version_communes: 9, audit: 16 });
      expect(moved.after).toEqual(moved.before);
      expect(describeLegacyMove(moved)).toMatch(/^Registre DuckDB .* migré vers PostgreSQL \(lignes avant → après : roles 3 → 3, propositions 4 → 4, cpts_versions 2 → 2, cpts_version_communes 9 → 9, audit 16 → 16\) ; l'ancien fichier est gardé : .*maillage-etat\.duckdb\.migre-2026-12-07T10-00-00-000Z\.$/);
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(dir)).toEqual(['maillage-etat.duckdb.migre-2026-12-07T10-00-00-000Z']);

      // Row for row, column for column (arrays included).
      for (const [t, key] of Object.entries(KEYS)) {
        const [r] = await s.store.query<{ j: unknown[] | null }>(`SELECT json_agg(t ORDER BY ${key}) AS j FROM etat.${t} t`);
        expect(r!.j ?? [], t).toEqual(expected[t]);
      }
      expect(await stateVersion(s.store)).toBe(2);

      // The versions answer again: Cilaos (97424) from 2026-06-01, Le Tampon (97422) from 2026-03-01.
      const db = await openDatabase(join(inject('fixtureDir'), 'maillage.duckdb'), { readOnly: true });
      try {
        await syncStateMirror(db, s.store, 2);
        expect((await cptsCommunes(db, 'REU-974-GRAND-SUD', true, '2026-02-28')).map((c) => c.code)).toEqual(['97405', '97412', '97417']);
        expect((await cptsCommunes(db, 'REU-974-GRAND-SUD', true, '2026-07-01')).map((c) => c.code)).toEqual(['97405', '97412', '97417', '97422', '97424']);
      } finally {
        db.close();
      }

      // Once: the file is gone, nothing moves again; a copy put back is set aside without a second move.
      expect(await moveLegacyStore(s.store, file)).toBeNull();
      writeFileSync(file, gunzipSync(readFileSync(FIXTURE)));
      const again = (await moveLegacyStore(s.store, file))!;
      expect(again.alreadyMoved).toBe(true);
      expect(again.after).toEqual(moved.after);
      expect(describeLegacyMove(again)).toMatch(/déjà migré/);
    });
  });
}
