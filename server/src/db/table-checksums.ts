/**
 * A checksum of every table's content (md5 of its rows as text, in a fixed order): what a refused
 * import or write must leave unchanged, and what the tests compare before and after. Tables of
 * other attached databases are included as `<catalog>.<table>`, but for the in-memory mirror of the
 * state store's CPTS versions (`etat`, state-mirror.ts): the store itself is checked in PostgreSQL.
 */
import type { Database } from './connection';

/** `only` keeps some tables (by their key: `name` or `etat.name`), e.g. to leave out the geography when a test checks many times. */
export async function tableChecksums(db: Database, { only }: { only?: (key: string) => boolean } = {}): Promise<Record<string, string>> {
  const tables = await db.all<{ catalog: string; name: string; main: boolean }>(
    `SELECT table_catalog AS catalog, table_name AS name, table_catalog = current_database() AS main
     FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog NOT IN ('system', 'temp', 'etat')
     ORDER BY main DESC, table_catalog, table_name`,
  );
  const out: Record<string, string> = {};
  for (const { catalog, name, main } of tables) {
    const key = main ? name : `${catalog}.${name}`;
    if (only && !only(key)) continue;
    const [row] = await db.all<{ h: string; n: number }>(
      `SELECT md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) AS h, count(*)::INTEGER AS n FROM "${catalog}"."main"."${name}" t`,
    );
    out[key] = `${row!.n}:${row!.h}`;
  }
  return out;
}
