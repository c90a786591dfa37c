/**
 * Writes of the imports, always inside the import's transaction: rows are encoded beforehand
 * (`encodeRows`: newline-delimited JSON text, CHUNK rows a part) on the import's worker thread;
 * the request thread writes that text to a temporary file and DuckDB reads it with `read_json`
 * (typed columns), keyed by the table's primary key — about twenty times faster than casting a
 * JSON parameter to a STRUCT list (25 000 FINESS rows: 0.2 s instead of 3 to 10 s), and the
 * request thread still only hands text over. The file is removed once read, whatever happens.
 * The meta key `data_version` is incremented by every applied import (the analyses cache on it).
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARE_SPECS } from './care-schema';
import type { Database } from './connection';

export type Row = Record<string, unknown>;
export type CareTable = 'structures' | 'cpts' | 'cpts_communes' | 'protocol_deployments' | 'sas' | 'sas_filieres' | 'imports' | 'completeness';

const sqlString = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** `read_json` columns of a table: its types without their constraints (`VARCHAR NOT NULL` → `VARCHAR`). */
function jsonColumns(table: CareTable): string {
  const spec = CARE_SPECS.find((s) => s.name === table)!;
  return `{${Object.entries(spec.columns).map(([k, v]) => `${sqlString(k)}: ${sqlString(v.replace(/\s+NOT NULL\s*$/i, ''))}`).join(', ')}}`;
}

/** Runs `use` with a SELECT of the encoded rows, read from a temporary file removed afterwards. */
async function withRowsSource(rows: EncodedRows, use: (select: string) => Promise<void>): Promise<void> {
  if (rows.count === 0) return;
  const path = join(tmpdir(), `maillage-lignes-${process.pid}-${randomUUID()}.ndjson`);
  await writeFile(path, rows.chunks.join(''));
  try {
    await use(`SELECT * FROM read_json(${sqlString(path)}, format = 'newline_delimited', columns = ${jsonColumns(rows.table)})`);
  } finally {
    await rm(path, { force: true });
  }
}

/** Rows per part of the text (the worker posts it as one message). */
const CHUNK = 2000;

/** Every column of the table in every row (NULL when a preparer leaves it out: the STRUCT cast needs each key). */
function withAllColumns(table: CareTable, rows: Row[]): Row[] {
  const columns = Object.keys(CARE_SPECS.find((s) => s.name === table)!.columns);
  const missing = columns.filter((c) => rows.some((r) => !(c in r)));
  if (missing.length === 0) return rows;
  const nulls = Object.fromEntries(missing.map((c) => [c, null]));
  return rows.map((r) => ({ ...nulls, ...r }));
}

/** Rows of one table ready to write: newline-delimited JSON, CHUNK rows a part, every column in every row. */
export interface EncodedRows<T extends CareTable = CareTable> {
  table: T;
  count: number;
  chunks: string[];
}

export function encodeRows<T extends CareTable>(table: T, rows: Row[]): EncodedRows<T> {
  const all = withAllColumns(table, rows);
  const chunks: string[] = [];
  for (let i = 0; i < all.length; i += CHUNK) chunks.push(all.slice(i, i + CHUNK).map((r) => `${JSON.stringify(r)}\n`).join(''));
  return { table, count: rows.length, chunks };
}

/** Inserts encoded rows, replacing those with the same primary key. */
export async function replaceEncoded(db: Database, rows: EncodedRows): Promise<void> {
  await withRowsSource(rows, (select) => db.run(`INSERT OR REPLACE INTO ${rows.table} BY NAME ${select}`));
}

/** Inserts rows, replacing those with the same primary key. */
export async function replaceRows(db: Database, table: CareTable, rows: Row[]): Promise<void> {
  await replaceEncoded(db, encodeRows(table, rows));
}

/** Columns a FINESS import owns; the hours, host and SNP answer set by a MMG import are kept. */
const FINESS_COLUMNS = [
  'kind', 'cds_subtype', 'finess_category', 'finess_category_label', 'finess_et', 'finess_ej', 'name', 'address', 'telephone', 'commune',
  'lon', 'lat', 'location_precision', 'note', 'source', 'source_date', 'demo', 'import_id',
];

export async function upsertFinessStructures(db: Database, rows: EncodedRows<'structures'>): Promise<void> {
  await withRowsSource(rows, (select) => db.run(
    `INSERT INTO structures BY NAME ${select}
     ON CONFLICT (id) DO UPDATE SET ${FINESS_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  ));
}

/** Columns a FINESS import owns in a CPTS it wrote itself (name, address, position, source). */
const FINESS_CPTS_COLUMNS = ['name', 'finess_et', 'headquarters_commune', 'headquarters_address', 'headquarters_lon', 'headquarters_lat', 'departement', 'source', 'source_date', 'import_id'];

/**
 * CPTS registered in FINESS: added when unknown; a later extraction refreshes only a CPTS that an
 * earlier FINESS import wrote and nobody has given communes since — a CPTS an ARS imported under
 * the same identifier (status, communes, source) is left as it is.
 */
export async function upsertFinessCpts(db: Database, rows: EncodedRows<'cpts'>): Promise<void> {
  await withRowsSource(rows, (select) => db.run(
    `INSERT INTO cpts BY NAME ${select}
     ON CONFLICT (id) DO UPDATE SET ${FINESS_CPTS_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
     WHERE cpts.finess_et IS NOT NULL AND cpts.status = excluded.status AND cpts.source LIKE 'FINESS, extraction Etalab%'`,
  ));
}

export async function deleteCptsCommunes(db: Database, cptsIds: string[]): Promise<void> {
  if (cptsIds.length === 0) return;
  await db.run('DELETE FROM cpts_communes WHERE list_contains(CAST($ids AS JSON)::VARCHAR[], cpts_id)', { ids: JSON.stringify(cptsIds) });
}

export async function deleteSasFilieres(db: Database, departements: string[]): Promise<void> {
  if (departements.length === 0) return;
  await db.run('DELETE FROM sas_filieres WHERE list_contains(CAST($deps AS JSON)::VARCHAR[], departement)', { deps: JSON.stringify(departements) });
}

/**
 * Removes the demonstration CPTS that have a commune in one of `departements` (real data now
 * covers them), with their communes and the demonstration deployments attached to them.
 */
export async function removeDemoCpts(db: Database, departements: string[]): Promise<string[]> {
  if (departements.length === 0) return [];
  const rows = await db.all<{ id: string }>(
    `SELECT DISTINCT p.id FROM cpts p JOIN cpts_communes m ON m.cpts_id = p.id JOIN communes c ON c.code = m.commune
     WHERE p.demo AND list_contains(CAST($deps AS JSON)::VARCHAR[], c.departement) ORDER BY p.id`,
    { deps: JSON.stringify(departements) },
  );
  const ids = JSON.stringify(rows.map((r) => r.id));
  if (rows.length === 0) return [];
  await db.run('DELETE FROM protocol_deployments WHERE demo AND list_contains(CAST($ids AS JSON)::VARCHAR[], cpts_id)', { ids });
  await db.run('DELETE FROM cpts_communes WHERE list_contains(CAST($ids AS JSON)::VARCHAR[], cpts_id)', { ids });
  await db.run('DELETE FROM cpts WHERE list_contains(CAST($ids AS JSON)::VARCHAR[], id)', { ids });
  return rows.map((r) => r.id);
}

export async function bumpDataVersion(db: Database): Promise<string> {
  const [row] = await db.all<{ v: string }>(
    "SELECT CAST(coalesce(max(TRY_CAST(value AS BIGINT)), 0) + 1 AS VARCHAR) AS v FROM meta WHERE key = 'data_version'",
  );
  await db.run("INSERT OR REPLACE INTO meta VALUES ('data_version', $v)", { v: row!.v });
  return row!.v;
}
