/**
 * What answering « au <date> » costs: the CPTS and their communes read through the state store's
 * versions (db/cpts-at-date.ts) against the plain tables, on a copy of the France database, first
 * with no version, then with ten seeded versions per CPTS (up to 200 CPTS: ten validated proposals of
 * 2026, each adding or removing a real commune of its département). Outputs checked before timing: with
 * no version the dated read equals the plain one; with versions, a date before them still does.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/src/db/connection';
import { loadCpts } from '../../server/src/db/analysis-queries';
import { bumpStateVersion, openStateStore } from '../../server/src/db/state-store';
import { syncStateMirror } from '../../server/src/db/state-mirror';
import { appendVersion } from '../../server/src/db/version-queries';
import { REPO_ROOT } from '../lib/paths';
import { formatRatio, formatTiming, seededRandom, time, type BenchModule } from './harness';

const bench: BenchModule = {
  name: 'historique',
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-historique-'));
    copyFileSync(join(REPO_ROOT, 'geodata/maillage.duckdb'), join(dir, 'maillage.duckdb'));
    const db = await openDatabase(join(dir, 'maillage.duckdb'));
    const state = await openStateStore({ pgliteDir: null });
    await syncStateMirror(db, state, 0);
    try {
      const plain = async () => {
        const cpts = await db.all<{ id: string }>('SELECT id, name, status, demo FROM cpts ORDER BY id');
        const [row] = await db.all<{ m: string | null }>("SELECT string_agg(cpts_id || chr(9) || commune || chr(9) || coverage, chr(10) ORDER BY cpts_id, commune) AS m FROM cpts_communes");
        return { n: cpts.length, members: row?.m?.split('\n').length ?? 0 };
      };
      const dated = async (date: string) => {
        const cpts = await loadCpts(db, { demo: true, date });
        return { n: cpts.length, members: cpts.reduce((s, c) => s + c.communes.length, 0) };
      };
      const base = await plain();
      const same = await dated('2026-12-01');
      if (JSON.stringify(base) !== JSON.stringify(same)) throw new Error(`lecture datée ≠ lecture simple : ${JSON.stringify(same)} / ${JSON.stringify(base)}`);
      log(`${base.n} CPTS, ${base.members} communes membres (base France)`);
      const tPlain = await time('tables simples', plain, { runs: 21 });
      const tNone = await time('au <date>, aucune version', () => dated('2026-12-01'), { runs: 21 });
      log(formatTiming(tPlain));
      log(formatTiming(tNone));

      // 10 versions per CPTS: add or remove a commune of its département, seeded.
      const rand = seededRandom(9);
      const members = await db.all<{ id: string; communes: string[]; pool: string[] }>(
        `SELECT p.id, list(m.commune ORDER BY m.commune) FILTER (WHERE m.commune IS NOT NULL) AS communes,
                (SELECT list(code ORDER BY code) FROM communes c WHERE c.departement = coalesce(p.departement, '75')) AS pool
         FROM cpts p LEFT JOIN cpts_communes m ON m.cpts_id = p.id GROUP BY p.id, p.departement ORDER BY p.id LIMIT 200`,
      );
      let versions = 0;
      const written = await state.transaction(async (tx) => {
        for (const m of members) {
          const set = new Set(m.communes ?? []);
          for (let v = 1; v <= 10; v++) {
            const pool = m.pool ?? [];
            const code = pool[Math.floor(rand() * pool.length)];
            if (code) (set.has(code) ? set.delete(code) : set.add(code));
            await appendVersion(tx, {
              cptsId: m.id, validFrom: `2026-${String(v).padStart(2, '0')}-15`, status: 'ACI signé', statusDate: null, origin: 'proposition', proposalId: `bench-${v}`,
              added: [], removed: [], createdBy: 'banc d\'essai', createdAt: new Date().toISOString(), members: [...set].map((commune) => ({ commune, coverage: 'entière' })),
            });
            versions++;
          }
        }
        return bumpStateVersion(tx);
      });
      await syncStateMirror(db, state, written);
      const before = await dated('2025-12-31');
      if (JSON.stringify(before) !== JSON.stringify(base)) throw new Error('avant les versions, la lecture datée devrait égaler la base');
      log(`${versions} versions enregistrées (${members.length} CPTS × 10)`);
      const tMany = await time(`au <date>, ${versions} versions`, () => dated('2026-12-01'), { runs: 21 });
      log(formatTiming(tMany, { maxMs: 50 }));
      log(formatRatio('au <date> avec versions / tables simples', tMany, tPlain));
      return tMany.medianMs <= 50;
    } finally {
      db.close();
      await state.close();
    }
  },
};

export default bench;
