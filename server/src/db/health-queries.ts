/**
 * What /api/health checks of the database on each call, cheaply (one statement on France): every
 * table the schema declares is there and readable (its row count and its first row are read),
 * and the commune table holds as many communes as the build recorded. A database damaged after
 * its build — a table dropped or emptied, communes lost — answers the problems, not « ok ».
 *
 * `recentHealth` is what the route calls: one check shared by the calls of the same second (and
 * redone at once after this process writes), so that a load balancer probing every few
 * milliseconds costs one statement a second, not one per probe, and never queues behind itself.
 */
import type { Database } from './connection';
import { CARE_SPECS } from './care-schema';
import { GEOGRAPHY_SPECS } from './geography-schema';
import { reusedRead } from './reused-read';

export interface HealthReport { problems: string[]; tables: number }

export async function checkDatabaseHealth(db: Database): Promise<HealthReport> {
  const problems: string[] = [];
  const specs = [...GEOGRAPHY_SPECS, ...CARE_SPECS];
  const counts = new Map<string, number>();
  // One statement for every table (count and first row read whole) on the hot path; only when it
  // fails are the tables read one by one, to name the broken ones.
  const quick = await db.all<{ t: string; n: number }>(specs.map((spec) =>
    `SELECT '${spec.name}' AS t, (SELECT count(*)::INTEGER FROM "${spec.name}") AS n, (SELECT length(to_json(x)::VARCHAR) FROM "${spec.name}" x LIMIT 1) AS w`).join(' UNION ALL '))
    .catch(() => null);
  if (quick) for (const r of quick) counts.set(r.t, r.n);
  else for (const spec of specs) {
    try {
      const [row] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM "${spec.name}"`);
      await db.all(`SELECT * FROM "${spec.name}" LIMIT 1`);
      counts.set(spec.name, row!.n);
    } catch (err) {
      problems.push(`table ${spec.name} illisible : ${(err as Error).message.split('\n')[0]}`);
    }
  }
  try {
    const [meta] = await db.all<{ value: string }>("SELECT value FROM meta WHERE key = 'communes'");
    const expected = Number(meta?.value);
    const found = counts.get('communes');
    if (found !== undefined && found !== expected) problems.push(`${found} commune(s) dans la base au lieu des ${expected} de sa construction`);
  } catch (err) {
    problems.push(`métadonnées illisibles : ${(err as Error).message.split('\n')[0]}`);
  }
  return { problems, tables: counts.size };
}

/** One check answers the calls of the same second, and is redone at once after a write of this process. */
export const recentHealth = reusedRead(1000, checkDatabaseHealth);
