/**
 * Database reads across threads: the preparation of an import runs on a worker thread
 * (prepare-worker.ts) but the database lives on the request thread. The worker gets a read-only
 * `Database` whose `all` posts the statement to the request thread, which runs it on its reader
 * connections (asynchronous DuckDB calls: nothing blocks there) and posts the rows back.
 * Parameters cross as plain data: a DuckDB list value becomes `{ $list: items }` and back.
 */
import { DuckDBListValue, listValue, type DuckDBValue } from '@duckdb/node-api';
import type { Database, SqlParams } from '../db/connection';

export interface ReadRequest { sql: string; params?: unknown }
export type ReadReply = { ok: true; rows: unknown[] } | { ok: false; message: string };

const encode = (v: DuckDBValue): unknown => (v instanceof DuckDBListValue ? { $list: v.items.map(encode) } : v);
const decode = (v: unknown): DuckDBValue =>
  v && typeof v === 'object' && '$list' in v ? listValue((v as { $list: unknown[] }).$list.map(decode)) : (v as DuckDBValue);

function mapParams(params: SqlParams | undefined, f: (v: never) => unknown): unknown {
  if (!params) return undefined;
  if (Array.isArray(params)) return params.map((v) => f(v as never));
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, f(v as never)]));
}

/** Worker side: a Database that reads through `ask` and refuses to write (writes stay on the request thread). */
export function remoteDatabase(path: string, ask: (req: ReadRequest) => Promise<ReadReply>): Database {
  const refuse = () => {
    throw new Error('écriture refusée pendant la préparation d\'un import : elle se fait dans la transaction de l\'import');
  };
  return {
    path,
    writes: 0,
    async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
      const reply = await ask({ sql, params: mapParams(params, encode) });
      if (!reply.ok) throw new Error(reply.message);
      return reply.rows as T[];
    },
    run: async () => refuse(),
    transaction: async () => refuse(),
    exclusive: async () => refuse(),
    close: () => {},
    closed: false,
    onClose: () => {},
  };
}

/** Request-thread side: runs one read of the worker on the real database. */
export async function answerRead(db: Database, req: ReadRequest): Promise<ReadReply> {
  try {
    return { ok: true, rows: await db.all(req.sql, mapParams(req.params as SqlParams | undefined, decode) as SqlParams | undefined) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}
