/**
 * A copy of a built data folder in which an ARS has declared some départements' lists complete
 * (« liste complète au <date> »), as an import with a declaration writes them: the other files are
 * linked, the database copied and given its `completeness` rows and a new data version.
 */
import { copyFileSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../server/src/db/connection';
import { insertRows } from '../../helpers/curated-care';

export async function declaredComplete(geodataDir: string, departements: string[], lists: ('cpts' | 'mmg' | 'snp')[], date = '2026-11-01'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-complete-'));
  for (const name of readdirSync(geodataDir)) {
    if (name === 'maillage.duckdb') copyFileSync(join(geodataDir, name), join(dir, name));
    else if (!name.startsWith('maillage.duckdb')) symlinkSync(join(geodataDir, name), join(dir, name));
  }
  const db = await openDatabase(join(dir, 'maillage.duckdb'));
  try {
    await insertRows(db, {
      completeness: departements.flatMap((departement) => lists.map((list_kind) => ({
        departement, list_kind, complete_on: date, declared_by: 'test (liste déclarée complète)', source: 'test', demo: false, import_id: 'import-test',
      }))),
    });
    await db.run('CHECKPOINT');
  } finally {
    db.close();
  }
  return dir;
}
