/**
 * The DuckDB database, opened once per process and handed to the app through its context.
 * SQL lives in server/src/db and nowhere else.
 *
 * One DuckDB instance, several connections: reads go to a small pool of reader connections and
 * run side by side (DuckDB is MVCC: each statement sees the last committed state), writes and
 * transactions go to one writer connection of their own, queued so that a transaction is never
 * interleaved. A long write transaction therefore never makes a read wait; readers see its
 * result at once when it commits, never a part of it.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];

export interface Database {
  /** Rows as JSON-safe objects (BIGINT and DECIMAL come back as strings: cast in SQL). */
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  run(sql: string, params?: SqlParams): Promise<void>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Runs `work` with the writer to itself, outside any transaction (CHECKPOINT, copying a file no write may touch meanwhile). */
  exclusive<T>(work: (writer: Pick<Database, 'all' | 'run'>) => Promise<T>): Promise<T>;
  close(): void;
  readonly path: string;
  /** Statements and transactions this process has written (or tried to): readers of memoised values compare it. */
  readonly writes: number;
  /** True once close() has been called. */
  readonly closed: boolean;
  /** Runs `fn` once close() has been called (files held for this database are let go). */
  onClose(fn: () => void): void;
}

export interface OpenOptions {
  readOnly?: boolean;
  threads?: number;
  /** Reader connections that run queries concurrently (default 4). */
  readers?: number;
}

export async function openDatabase(path: string, { readOnly = false, threads, readers = 4 }: OpenOptions = {}): Promise<Database> {
  const options: Record<string, string> = {};
  if (readOnly) options.access_mode = 'READ_ONLY';
  if (threads) options.threads = String(threads);
  const instance = await DuckDBInstance.create(path, options);
  const writer = await instance.connect();
  const pool: Lane[] = [];
  for (let i = 0; i < Math.max(1, readers); i++) pool.push({ connection: await instance.connect(), busy: 0, tail: Promise.resolve() });
  return wrap(writer, pool, path, () => {
    for (const lane of pool) lane.connection.closeSync();
    writer.closeSync();
    instance.closeSync();
  });
}

interface Lane { connection: DuckDBConnection; busy: number; tail: Promise<void> }

/**
 * Rows are read chunk by chunk (DuckDB's 2 048 rows), each fetched asynchronously: converting a
 * national table (34 875 communes, 25 000 structures) is then many short tasks, not one that holds
 * the event loop for a quarter of a second while other requests wait.
 */
async function allOn<T>(connection: DuckDBConnection, sql: string, params?: SqlParams): Promise<T[]> {
  const result = await connection.stream(sql, params as never);
  const rows: T[] = [];
  for await (const chunk of result.yieldRowObjectJson()) for (const row of chunk) rows.push(row as T);
  return rows;
}

/** On the writer, whose statements may be issued together inside a transaction: read whole. */
async function allWhole<T>(connection: DuckDBConnection, sql: string, params?: SqlParams): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJson() as T[];
}

function wrap(writer: DuckDBConnection, pool: Lane[], path: string, close: () => void): Database {
  // The writer connection serialises its statements: queue them so a transaction is never interleaved.
  let queue: Promise<unknown> = Promise.resolve();
  let writes = 0;
  let closed = false;
  const closers: (() => void)[] = [];
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task).finally(() => {
      writes++;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  // A read goes to the least busy reader connection. A connection streams one result at a time (a
  // new statement would end the previous stream), so reads on one lane follow each other.
  const read = async <T>(sql: string, params?: SqlParams): Promise<T[]> => {
    const lane = pool.reduce((best, l) => (l.busy < best.busy ? l : best));
    lane.busy++;
    const turn = lane.tail.then(() => allOn<T>(lane.connection, sql, params));
    lane.tail = turn.then(() => undefined, () => undefined);
    try {
      return await turn;
    } finally {
      lane.busy--;
    }
  };
  const onWriter: Omit<Database, 'transaction' | 'exclusive' | 'close' | 'path' | 'writes' | 'closed' | 'onClose'> = {
    all: (sql, params) => allWhole(writer, sql, params),
    async run(sql, params) {
      await writer.run(sql, params as never);
    },
  };
  const db: Database = {
    path,
    get writes() {
      return writes;
    },
    all: read,
    run: (sql, params) => serial(() => onWriter.run(sql, params)),
    transaction: (work) =>
      serial(async () => {
        await onWriter.run('BEGIN TRANSACTION');
        // Inside the transaction every statement, reads included, runs on the writer connection.
        const inner: Database = {
          ...onWriter, path, writes, closed: false, transaction: (w) => w(inner), close: () => {}, onClose: () => {},
          exclusive: () => Promise.reject(new Error('exclusive() appelé dans une transaction')),
        } as Database;
        try {
          const result = await work(inner);
          await onWriter.run('COMMIT');
          return result;
        } catch (err) {
          await onWriter.run('ROLLBACK');
          throw err;
        }
      }),
    exclusive: (work) => serial(() => work(onWriter)),
    get closed() {
      return closed;
    },
    onClose: (fn) => void closers.push(fn),
    close() {
      if (closed) return;
      closed = true;
      close();
      for (const fn of closers.splice(0)) fn();
    },
  };
  return db;
}
