/**
 * Schema migrations of the state store: the ordered SQL files of `migrations/` (`0001-….sql`,
 * `0002-….sql`…), each applied once, with its row in
 * `etat.schema_migrations` (name, sha256, moment), all that are missing in one transaction. A file already applied whose content changed
 * is refused: a migration is never edited, a new one is added. An advisory lock makes processes
 * starting together apply them once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lockKey, type StateStore } from './state-store';

/** The SQL files beside this module (copied beside the compiled one too). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  sha256: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrations du registre introuvables : ${dir}`);
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}/${name}`, 'utf8');
      return { name, sql, sha256: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies what is missing; returns the names applied now. */
export async function applyMigrations(store: StateStore, migrations = readMigrations()): Promise<string[]> {
  const applied: string[] = [];
  await store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey('migrations')]);
    await tx.query('CREATE SCHEMA IF NOT EXISTS etat');
    await tx.query(`CREATE TABLE IF NOT EXISTS etat.schema_migrations (
      name text PRIMARY KEY, sha256 text NOT NULL, applied_at text NOT NULL)`);
    const done = new Map((await tx.query<{ name: string; sha256: string }>('SELECT name, sha256 FROM etat.schema_migrations')).map((r) => [r.name, r.sha256]));
    for (const m of migrations) {
      const was = done.get(m.name);
      if (was && was !== m.sha256) {
        throw new Error(`la migration ${m.name} du registre a changé depuis qu'elle a été appliquée (${was.slice(0, 12)} → ${m.sha256.slice(0, 12)}) : ajoutez une nouvelle migration au lieu de la modifier`);
      }
      if (was) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO etat.schema_migrations VALUES ($1, $2, $3)', [m.name, m.sha256, new Date().toISOString()]);
      applied.push(m.name);
    }
  });
  return applied;
}

/**
 * Statements of a migration file, split on `;` at the end of a line outside `$$` bodies and
 * comments (prepared statements take one statement each, on both clients).
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let dollar = false;
  for (const line of sql.split('\n')) {
    const code = line.replace(/--.*$/, '');
    if ((code.match(/\$\$/g) ?? []).length % 2 === 1) dollar = !dollar;
    current += `${line}\n`;
    if (!dollar && /;\s*$/.test(code)) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim().replace(/--.*$/gm, '').trim()) out.push(current.trim());
  return out;
}
