/**
 * Writes each table as a Parquet file (sorted, one thread: byte-identical from run to run), then
 * loads them into a fresh DuckDB database built beside the target and renamed over it only when
 * complete, so a failed build never leaves a half-written database.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../server/src/db/connection';
import type { TableSpec } from '../../server/src/db/table-spec';

export type TableRows = Record<string, Record<string, unknown>[]>;

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlStruct = (columns: Record<string, string>) =>
  `{${Object.entries(columns).map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`).join(', ')}}`;

/** Columns as staged in NDJSON: a BLOB column `x` travels as base64 text in `x_b64`. */
const stagedColumns = (spec: TableSpec) =>
  Object.fromEntries(Object.entries(spec.columns).map(([c, type]) => (type === 'BLOB' ? [`${c}_b64`, 'VARCHAR'] : [c, type])));

/** SELECT list turning staged columns back into table columns. */
const selectList = (spec: TableSpec) =>
  Object.entries(spec.columns).map(([c, type]) => (type === 'BLOB' ? `from_base64(${c}_b64) AS ${c}` : c)).join(', ');

export async function writeParquetTables(specs: TableSpec[], tables: TableRows, tablesDir: string): Promise<Record<string, string>> {
  mkdirSync(tablesDir, { recursive: true });
  const stagingDir = join(tablesDir, '.staging');
  mkdirSync(stagingDir, { recursive: true });
  const db = await openDatabase(':memory:', { threads: 1 });
  const files: Record<string, string> = {};
  try {
    for (const spec of specs) {
      const rows = tables[spec.name];
      if (!rows) throw new Error(`Table ${spec.name} : aucune ligne fournie à l'écriture`);
      const staging = join(stagingDir, `${spec.name}.ndjson`);
      writeFileSync(staging, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const staged = stagedColumns(spec);
      const source = rows.length === 0
        ? `(SELECT * FROM (SELECT ${Object.entries(staged).map(([k, v]) => `NULL::${v} AS ${k}`).join(', ')}) WHERE false)`
        : `read_json(${sqlString(staging)}, format = 'newline_delimited', columns = ${sqlStruct(staged)})`;
      const target = join(tablesDir, `${spec.name}.parquet`);
      await db.run(
        `COPY (SELECT ${selectList(spec)} FROM ${source} ORDER BY ${spec.order}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      files[spec.name] = target;
    }
  } finally {
    db.close();
    rmSync(stagingDir, { recursive: true, force: true });
  }
  return files;
}

export async function loadDatabase(specs: TableSpec[], parquet: Record<string, string>, dbPath: string): Promise<void> {
  const tmp = `${dbPath}.building`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const db = await openDatabase(tmp);
  try {
    for (const spec of specs) {
      await db.run(spec.ddl);
      await db.run(`INSERT INTO ${spec.name} BY NAME SELECT * FROM read_parquet(${sqlString(parquet[spec.name]!)})`);
    }
    await db.run('CHECKPOINT');
  } finally {
    db.close();
  }
  if (existsSync(`${dbPath}.wal`)) rmSync(`${dbPath}.wal`);
  renameSync(tmp, dbPath);
}
