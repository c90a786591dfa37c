/**
 * The DuckDB database, opened once per process and handed to the app through its context.
 * SQL lives in server/src/db and nowhere else.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];

export interface Database {
  /** Rows as JSON-safe objects (BIGINT and DECIMAL come back as strings: cast in SQL). */
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  run(sql: string, params?: SqlParams): Promise<void>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): void;
  readonly path: string;
}

export interface OpenOptions {
  readOnly?: boolean;
  threads?: number;
}

export async function openDatabase(path: string, { readOnly = false, threads }: OpenOptions = {}): Promise<Database> {
  const options: Record<string, string> = {};
  if (readOnly) options.access_mode = 'READ_ONLY';
  if (threads) options.threads = String(threads);
  const instance = await DuckDBInstance.create(path, options);
  const connection = await instance.connect();
  return wrap(connection, path, () => {
    connection.closeSync();
    instance.closeSync();
  });
}

function wrap(connection: DuckDBConnection, path: string, close: () => void): Database {
  // One connection serialises statements: queue them so a transaction is never interleaved.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const direct: Omit<Database, 'transaction' | 'close' | 'path'> = {
    async all<T>(sql: string, params?: SqlParams) {
      const reader = await connection.runAndReadAll(sql, params as never);
      return reader.getRowObjectsJson() as T[];
    },
    async run(sql: string, params?: SqlParams) {
      await connection.run(sql, params as never);
    },
  };
  const db: Database = {
    path,
    all: (sql, params) => serial(() => direct.all(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    transaction: (work) =>
      serial(async () => {
        await direct.run('BEGIN TRANSACTION');
        const inner: Database = { ...direct, path, transaction: (w) => w(inner), close: () => {} } as Database;
        try {
          const result = await work(inner);
          await direct.run('COMMIT');
          return result;
        } catch (err) {
          await direct.run('ROLLBACK');
          throw err;
        }
      }),
    close,
  };
  return db;
}
