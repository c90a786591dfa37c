/**
 * The state store on a PostgreSQL server (MAILLAGE_POSTGRES_URL): a pool of connections for
 * queries and transactions, one connection of its own for LISTEN (reconnected when it drops —
 * its listeners are then told '*', anything may have changed meanwhile), and session advisory
 * locks on a connection held for the time of the work. Every process of every machine shares it.
 */
import pg from 'pg';
import { lockKey, type StateSql, type StateStore } from './state-store';

/** The address without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

const sqlOf = (c: pg.Pool | pg.PoolClient): StateSql => ({
  query: async <T>(sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows as T[],
});

export async function openPostgresStore(url: string, { max = 10 } = {}): Promise<StateStore> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'maillage' });
  // An idle client dropped by the server is not a crash of the process.
  pool.on('error', (err) => console.error(`Registre PostgreSQL : connexion perdue (${err.message})`));
  await pool.query('SELECT 1').catch(async (err) => {
    await pool.end().catch(() => {});
    throw new Error(`serveur PostgreSQL injoignable (${redactedUrl(url)}) : ${(err as Error).message}`);
  });

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listener: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const tellAll = (payload: string) => {
    for (const fns of listeners.values()) for (const fn of fns) fn(payload);
  };
  const connectListener = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, application_name: 'maillage-ecoute' });
    const lost = () => {
      if (listener !== client || closed) return;
      listener = null;
      client.end().catch(() => {});
      tellAll('*');
      retry = setTimeout(() => void connectListener().catch(() => lost()), 500);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      for (const fn of listeners.get(n.channel) ?? []) fn(n.payload ?? '');
    });
    await client.connect();
    listener = client;
    for (const channel of listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (retry) tellAll('*');
  };

  return {
    kind: 'postgres',
    where: `PostgreSQL ${redactedUrl(url)}`,
    ...sqlOf(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await work(sqlOf(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    withLock: async (name, work) => {
      const client = await pool.connect();
      const key = lockKey(name);
      try {
        await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
        }
      } finally {
        client.release();
      }
    },
    listen: async (channel, fn) => {
      const fns = listeners.get(channel) ?? new Set();
      const first = fns.size === 0;
      fns.add(fn);
      listeners.set(channel, fns);
      if (!listener) await connectListener();
      else if (first) await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        fns.delete(fn);
        if (fns.size === 0) {
          listeners.delete(channel);
          await listener?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
        }
      };
    },
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}
