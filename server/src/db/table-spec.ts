/**
 * How a table is declared once and used everywhere: its columns (type and constraint), primary
 * key and sort key. The DDL (run by the build), the column types (staging NDJSON, typed STRUCT
 * lists of the imports) and the deterministic Parquet order are all derived from it.
 */
export interface TableSpec {
  name: string;
  /** Column → `TYPE` or `TYPE NOT NULL`, in table order. */
  definition: Record<string, string>;
  primaryKey: string[];
  /** Sort key of the Parquet file, so that it is byte-identical from run to run. */
  order: string;
  /** Column → DuckDB type, without constraints. */
  columns: Record<string, string>;
  ddl: string;
}

export function defineTable(name: string, definition: Record<string, string>, { primaryKey, order = primaryKey.join(', ') }: { primaryKey: string[]; order?: string }): TableSpec {
  for (const key of primaryKey) if (!(key in definition)) throw new Error(`Table ${name} : clé primaire ${key} absente des colonnes`);
  const columns = Object.fromEntries(Object.entries(definition).map(([col, def]) => [col, def.replace(/\s+NOT NULL$/i, '')]));
  const lines = Object.entries(definition).map(([col, def]) => `${col} ${def}`);
  return { name, definition, primaryKey, order, columns, ddl: `CREATE TABLE ${name} (${[...lines, `PRIMARY KEY (${primaryKey.join(', ')})`].join(', ')})` };
}
