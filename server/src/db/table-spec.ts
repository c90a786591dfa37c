/**
 * How a table is declared once and used everywhere: its DDL (created by the build), the column
 * types used to stage rows as NDJSON, and the sort key that makes its Parquet file deterministic.
 */
export interface TableSpec {
  name: string;
  ddl: string;
  /** Column → DuckDB type for `read_json(columns = …)`; a `*_b64` VARCHAR column becomes a BLOB. */
  columns: Record<string, string>;
  order: string;
}
