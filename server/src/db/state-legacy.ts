/**
 * Once, automatically: the DuckDB state store of earlier releases (`maillage-etat.duckdb` beside
 * the database, or MAILLAGE_STATE_DB) moves into PostgreSQL. Its rows are read from a copy of the
 * file (its write-ahead log included), inserted in one transaction with `etat.meta.migration_duckdb`
 * (what was moved, when), and the file is kept aside as `<file>.migre-<moment>`. The log says how
 * many rows each table had before and has after. A store already moved (meta present) only has its
 * file set aside again.
 */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './connection';
import type { StateStore } from './state-store';

const TABLES = ['roles', 'propositions', 'cpts_versions', 'cpts_version_communes', 'audit'] as const;
type Table = (typeof TABLES)[number];

export interface LegacyMove {
  file: string;
  keptAs: string;
  /** Rows per table in the DuckDB file, and in PostgreSQL after the move. */
  before: Record<Table, number>;
  after: Record<Table, number>;
  alreadyMoved: boolean;
}

async function readLegacy(file: string): Promise<{ rows: Record<Table, unknown[]>; stateVersion: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-etat-ancien-'));
  const copy = join(dir, 'etat.duckdb');
  copyFileSync(file, copy);
  if (existsSync(`${file}.wal`)) copyFileSync(`${file}.wal`, `${copy}.wal`);
  const db = await openDatabase(copy, { readers: 1 });
  try {
    const present = new Set((await db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'")).map((r) => r.name));
    const rows = {} as Record<Table, unknown[]>;
    for (const t of TABLES) {
      if (!present.has(t)) {
        rows[t] = [];
        continue;
      }
      const [r] = await db.all<{ j: string }>(`SELECT coalesce(to_json(list(t))::VARCHAR, '[]') AS j FROM main.${t} t`);
      rows[t] = JSON.parse(r!.j) as unknown[];
    }
    let stateVersion = 0;
    if (present.has('meta')) {
      const [v] = await db.all<{ value: string }>("SELECT value FROM main.meta WHERE key = 'state_version'");
      stateVersion = Number(v?.value ?? 0);
    }
    return { rows, stateVersion };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const counts = async (store: StateStore) => {
  const out = {} as Record<Table, number>;
  for (const t of TABLES) out[t] = (await store.query<{ n: number }>(`SELECT count(*)::integer AS n FROM etat.${t}`))[0]!.n;
  return out;
};

/** Moves the DuckDB store at `file` into `store` when it exists; null when there is none. */
export async function moveLegacyStore(store: StateStore, file: string, now = new Date()): Promise<LegacyMove | null> {
  if (!existsSync(file)) return null;
  const keptAs = `${file}.migre-${now.toISOString().replace(/[:.]/g, '-')}`;
  const [done] = await store.query<{ value: string }>("SELECT value FROM etat.meta WHERE key = 'migration_duckdb'");
  if (done) {
    renameSync(file, keptAs);
    if (existsSync(`${file}.wal`)) renameSync(`${file}.wal`, `${keptAs}.wal`);
    const before = JSON.parse(done.value).avant as Record<Table, number>;
    return { file, keptAs, before, after: await counts(store), alreadyMoved: true };
  }
  const { rows, stateVersion } = await readLegacy(file);
  const before = Object.fromEntries(TABLES.map((t) => [t, rows[t].length])) as Record<Table, number>;
  await store.transaction(async (tx) => {
    // Parents before children (cpts_version_communes references cpts_versions).
    for (const t of TABLES) {
      if (rows[t].length === 0) continue;
      await tx.query(`INSERT INTO etat.${t} SELECT * FROM jsonb_populate_recordset(NULL::etat.${t}, $1::jsonb) ON CONFLICT DO NOTHING`, [JSON.stringify(rows[t])]);
    }
    await tx.query("UPDATE etat.meta SET value = greatest(value::bigint, $1::bigint)::text WHERE key = 'state_version'", [stateVersion]);
    await tx.query('INSERT INTO etat.meta VALUES ($1, $2)', ['migration_duckdb', JSON.stringify({ fichier: file, le: now.toISOString(), avant: before })]);
  });
  const after = await counts(store);
  renameSync(file, keptAs);
  if (existsSync(`${file}.wal`)) renameSync(`${file}.wal`, `${keptAs}.wal`);
  return { file, keptAs, before, after, alreadyMoved: false };
}

/** The log line of a move. */
export function describeLegacyMove(m: LegacyMove): string {
  const line = TABLES.map((t) => `${t} ${m.before[t]} → ${m.after[t]}`).join(', ');
  return m.alreadyMoved
    ? `Ancien registre DuckDB ${m.file} déjà migré vers PostgreSQL : mis de côté (${m.keptAs}).`
    : `Registre DuckDB ${m.file} migré vers PostgreSQL (lignes avant → après : ${line}) ; l'ancien fichier est gardé : ${m.keptAs}.`;
}
