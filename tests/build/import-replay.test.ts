/**
 * Nothing is lost on a rebuild: the imports archived next to the database are replayed on the new
 * one (La Réunion, about a second a build), and an import that no longer applies stops the build
 * without touching the previous database.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../scripts/build/invariant-error';
import { openDatabase } from '../../server/src/db/connection';
import { readJournal } from '../../server/src/imports/import-archive';
import { runImport } from '../../server/src/imports/run-import';
import { queryDatabase, reunionBuild } from '../helpers/reunion-build';

const CPTS = Buffer.from('id_cpts;nom;statut;date_statut;commune_insee;source\n'
  + 'REU-974-GRAND-SUD;CPTS Grand Sud Réunion;ACI signé;2020-12-23;97412;test de rejeu\n'
  + 'REU-974-OUEST;CPTS de test de l\'Ouest;projet de santé;2025;97415;test de rejeu\n');

describe('replaying the archived imports', () => {
  it('rebuilds the database as default + every import, then refuses a journal that no longer applies', async () => {
    const { importsDir, dbPath, build } = reunionBuild('maillage-replay-');
    await build();

    const db = await openDatabase(dbPath);
    const outcome = await runImport(db, { kind: 'cpts', bytes: CPTS, fileName: 'cpts-reunion.csv', keepValid: false, importedBy: 'test', archiveDir: importsDir });
    db.close();
    expect(outcome.status).toBe('appliqué');

    await build();
    expect(await queryDatabase(dbPath, "SELECT id, kind, file_name, imported_at FROM imports")).toEqual([
      { id: outcome.import!.id, kind: 'cpts', file_name: 'cpts-reunion.csv', imported_at: outcome.import!.importedAt },
    ]);
    expect(await queryDatabase(dbPath, "SELECT id, source FROM cpts WHERE id LIKE 'REU-%' ORDER BY id")).toEqual([
      { id: 'REU-974-GRAND-SUD', source: 'test de rejeu' }, { id: 'REU-974-OUEST', source: 'test de rejeu' },
    ]);
    expect(await queryDatabase(dbPath, "SELECT value FROM meta WHERE key = 'data_version'")).toEqual([{ value: '2' }]);

    // The archived file disappears: the build stops and names the import, the database stays as it was.
    const before = statSync(dbPath).mtimeMs;
    rmSync(join(importsDir, readJournal(importsDir)[0]!.archive));
    const error = await build().then(() => null, (e: Error) => e);
    expect(error).toBeInstanceOf(InvariantError);
    expect(error!.message).toMatch(/rejeu des imports archivés/);
    expect(error!.message).toMatch(new RegExp(`Fichier archivé absent : .*\\(import ${outcome.import!.id} du `));
    expect(statSync(dbPath).mtimeMs).toBe(before);
    expect(existsSync(`${dbPath}.replay`)).toBe(false);
    expect(await queryDatabase(dbPath, 'SELECT count(*)::INTEGER AS n FROM imports')).toEqual([{ n: 1 }]);
  });
});
