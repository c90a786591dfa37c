/**
 * A checksum of every table's content (md5 of its rows as text, in a fixed order): what a refused
 * import must leave unchanged, and what the tests compare before and after.
 */
import type { Database } from './connection';

export async function tableChecksums(db: Database): Promise<Record<string, string>> {
  const tables = await db.all<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name",
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.all<{ h: string; n: number }>(
      `SELECT md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) AS h, count(*)::INTEGER AS n FROM "${name}" t`,
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}
