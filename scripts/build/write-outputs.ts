/**
 * Writes each table as a Parquet file (sorted, one thread: byte-identical from run to run), then
 * loads them into a fresh DuckDB database built beside the target and renamed over it only when
 * complete, so a failed build never leaves a half-written database.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../server/src/db/connection';
import {
  GEOGRAPHY_COLUMNS, GEOGRAPHY_DDL, GEOGRAPHY_ORDER, GEOGRAPHY_TABLES, type GeographyTable,
} from '../../server/src/db/geography-schema';

export type TableRows = Record<GeographyTable, Record<string, unknown>[]>;

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlStruct = (columns: Record<string, string>) =>
  `{${Object.entries(columns).map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`).join(', ')}}`;

export async function writeParquetTables(tables: TableRows, tablesDir: string): Promise<Record<GeographyTable, string>> {
  mkdirSync(tablesDir, { recursive: true });
  const stagingDir = join(tablesDir, '.staging');
  mkdirSync(stagingDir, { recursive: true });
  const db = await openDatabase(':memory:', { threads: 1 });
  const files = {} as Record<GeographyTable, string>;
  try {
    for (const table of GEOGRAPHY_TABLES) {
      const staging = join(stagingDir, `${table}.ndjson`);
      writeFileSync(staging, tables[table].map((r) => JSON.stringify(r)).join('\n') + '\n');
      const select = table === 'tiles'
        ? `SELECT z, x, y, from_base64(data_b64) AS data`
        : `SELECT *`;
      const target = join(tablesDir, `${table}.parquet`);
      const source = tables[table].length === 0
        ? `(SELECT * FROM (SELECT ${Object.entries(GEOGRAPHY_COLUMNS[table]).map(([k, v]) => `NULL::${v} AS ${k}`).join(', ')}) WHERE false)`
        : `read_json(${sqlString(staging)}, format = 'newline_delimited', columns = ${sqlStruct(GEOGRAPHY_COLUMNS[table])})`;
      await db.run(
        `COPY (${select} FROM ${source} ORDER BY ${GEOGRAPHY_ORDER[table]}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      files[table] = target;
    }
  } finally {
    db.close();
    rmSync(stagingDir, { recursive: true, force: true });
  }
  return files;
}

export async function loadDatabase(parquet: Record<GeographyTable, string>, dbPath: string, extraDdl: string[] = []): Promise<void> {
  const tmp = `${dbPath}.building`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const db = await openDatabase(tmp);
  try {
    for (const table of GEOGRAPHY_TABLES) {
      await db.run(GEOGRAPHY_DDL[table]);
      await db.run(`INSERT INTO ${table} BY NAME SELECT * FROM read_parquet(${sqlString(parquet[table])})`);
    }
    for (const ddl of extraDdl) await db.run(ddl);
    await db.run('CHECKPOINT');
  } finally {
    db.close();
  }
  if (existsSync(`${dbPath}.wal`)) rmSync(`${dbPath}.wal`);
  renameSync(tmp, dbPath);
}
