/**
 * A private writable copy of the fixture database and the import service on it, as the CLI runs
 * it: the raw files are archived next to that copy (`imports/`, in a temporary folder).
 */
import { dirname, join } from 'node:path';
import type { AppDeps } from '../../server/src/context';
import type { Database } from '../../server/src/db/connection';
import { tableChecksums } from '../../server/src/db/table-checksums';
import type { ImportKind } from '../../server/src/imports/import-kinds';
import { runImport, type ImportOutcome } from '../../server/src/imports/run-import';
import { fixtureApp, type FixtureApp } from './fixture-app';

export interface ImportFixture extends FixtureApp {
  archiveDir: string;
  run(kind: ImportKind, bytes: Uint8Array, opts?: { fileName?: string; keepValid?: boolean; keepIssues?: number }): Promise<ImportOutcome>;
  checksums(): Promise<Record<string, string>>;
  dataVersion(): Promise<string>;
  one<T = Record<string, unknown>>(sql: string): Promise<T>;
}

/** `dir`: another build than the four-région fixture (e.g. paca-build.ts). */
export async function importFixture(config: Partial<AppDeps['config']> = {}, dir?: string): Promise<ImportFixture> {
  const f = await fixtureApp({ writable: true, config, dir });
  const archiveDir = join(dirname(f.db.path), 'imports');
  const db: Database = f.db;
  return {
    ...f,
    archiveDir,
    run: (kind, bytes, opts = {}) => runImport(db, {
      kind, bytes, fileName: opts.fileName ?? `essai.${kind === 'cpts-perimetres' ? 'geojson' : 'csv'}`, keepValid: opts.keepValid ?? false,
      importedBy: 'test', archiveDir, keepIssues: opts.keepIssues,
    }),
    checksums: () => tableChecksums(db),
    dataVersion: async () => (await db.all<{ value: string }>("SELECT value FROM meta WHERE key = 'data_version'"))[0]!.value,
    one: async (sql) => (await db.all(sql))[0] as never,
  };
}
