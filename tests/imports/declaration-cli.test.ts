/**
 * Issue 22, item 1: « liste complète » on the command line, with data versions (MAILLAGE_VERSIONS=1),
 * as a new user runs it: declared with an import, added later by importing the same file again, and
 * declared on its own (`npm run import -- liste-complete …`) — each recorded in the version served,
 * journaled, audited, and restored by a rebuild. Built on La Réunion alone (reunion-build.ts).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentVersionPath, versionStore } from '../../server/src/db/data-versions';
import { readJournal } from '../../server/src/imports/import-archive';
import { openStateStore } from '../../server/src/db/state-store';
import { REPO } from '../helpers/paths';
import { queryDatabase, reunionBuild } from '../helpers/reunion-build';

const CPTS = 'id_cpts;nom;statut;date_statut;commune_insee;source\n'
  + 'REU-974-OUEST;CPTS de test Ouest;ACI signé;2024-03-01;97415;liste ARS de test\n'
  + 'REU-974-OUEST;CPTS de test Ouest;ACI signé;2024-03-01;97407;liste ARS de test\n';

const build = reunionBuild('maillage-declaration-');
const file = join(build.outDir, 'cpts-974.csv');

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
  cwd: REPO, env: { ...process.env, GEODATA_DIR: build.outDir, MAILLAGE_DB: build.dbPath, MAILLAGE_VERSIONS: '1' }, encoding: 'utf8',
});
/** What the version now served holds. */
const served = <T>(sql: string) => queryDatabase<T>(currentVersionPath(versionStore(build.dbPath)), sql);
const completeness = () => served<{ departement: string; list_kind: string; complete_on: string }>('SELECT departement, list_kind, complete_on FROM completeness ORDER BY ALL');
/** The audit lines in the state store the CLI wrote to (the PGlite folder beside the database). */
const audit = async () => {
  const state = await openStateStore({ pgliteDir: join(build.outDir, 'maillage-etat.pglite') });
  try {
    return await state.query<{ action: string; target: string; after: string }>("SELECT action, target, after FROM etat.audit WHERE action = 'liste-complete' ORDER BY at_time");
  } finally {
    await state.close();
  }
};

beforeAll(async () => {
  writeFileSync(file, CPTS);
  await build.build();
});

describe('a « liste complète » on the command line, with data versions', () => {
  it('is recorded with the import that carries it (it was silently dropped)', async () => {
    const run = cli('cpts', file, '--liste-complete', '974', '--complete-au', '2026-01-31');
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Liste des CPTS déclarée complète au 2026-01-31 pour le département 974\./);
    expect(await completeness()).toEqual([{ departement: '974', list_kind: 'cpts', complete_on: '2026-01-31' }]);
    expect(readJournal(build.importsDir).map((e) => [e.kind, e.completeness?.date])).toEqual([['cpts', '2026-01-31']]);
    expect((await audit()).map((a) => a.after)).toEqual(['liste des CPTS déclarée complète au 2026-01-31 pour le département 974']);
  });

  it('is recorded when the same file is imported again with a declaration (it answered « aucun changement »)', async () => {
    const run = cli('cpts', file, '--liste-complete', '974', '--complete-au', '2026-03-31');
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^✔ Fichier déjà importé le .* : aucune ligne changée\. Liste des CPTS déclarée complète au 2026-03-31 pour le département 974 \(déclaration decl-/);
    expect(await completeness()).toEqual([{ departement: '974', list_kind: 'cpts', complete_on: '2026-03-31' }]);
    // Rows unchanged: still one import of the file, and a declaration beside it.
    expect(await served('SELECT kind, count(*)::INTEGER AS n FROM imports GROUP BY kind ORDER BY kind')).toEqual([{ kind: 'cpts', n: 1 }, { kind: 'liste-complete', n: 1 }]);
    expect(readJournal(build.importsDir).at(-1)).toMatchObject({ kind: 'liste-complete', archive: '', completeness: { list: 'cpts', departements: ['974'], date: '2026-03-31' } });
  });

  it('is recorded on its own, journaled and audited; the same declaration again changes nothing', async () => {
    const run = cli('liste-complete', '974', '--liste', 'mmg', '--complete-au', '2026-02-15', '--source', 'liste ARS des MMG au 15/02/2026', '--par', 'déléguée de test');
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Liste des MMG déclarée complète au 2026-02-15 pour le département 974 \(déclaration decl-\S+, liste ARS des MMG au 15\/02\/2026\)/);
    expect(await completeness()).toContainEqual({ departement: '974', list_kind: 'mmg', complete_on: '2026-02-15' });
    const last = (await audit()).at(-1)!;
    expect(last).toMatchObject({ action: 'liste-complete', after: 'liste des MMG déclarée complète au 2026-02-15 pour le département 974' });
    expect(last.target).toMatch(/^decl-/);
    const again = cli('liste-complete', '974', '--liste', 'mmg', '--complete-au', '2026-02-15');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/c'était déjà déclaré, rien n'a changé/);
    expect(await audit()).toHaveLength(3);
  });

  it('refuses a declaration without list or with an unknown département, in French, changing nothing', async () => {
    const before = await completeness();
    const noList = cli('liste-complete', '974');
    expect(noList.status).toBe(2);
    expect(noList.stderr).toMatch(/^Liste complète : nommez la liste déclarée complète/);
    const unknown = cli('liste-complete', '13', '--liste', 'cpts');
    expect(unknown.status).toBe(1);
    expect(unknown.stdout + unknown.stderr).toMatch(/département\(s\) 13 de la liste complète inconnu\(s\) de la base/);
    expect(await completeness()).toEqual(before);
  });

  it('is restored by a rebuild, which replays the journal', async () => {
    const before = await completeness();
    await build.build();
    expect(await queryDatabase(build.dbPath, 'SELECT departement, list_kind, complete_on FROM completeness ORDER BY ALL')).toEqual(before);
  });
});
