import type { Database } from './connection';
import { CARE_SCHEMA_VERSION } from './care-schema';
import { GEOGRAPHY_SCHEMA_VERSION } from './geography-schema';

export interface DatasetMeta {
  millesime: number;
  scope: string;
  communes: number;
  populationSource: string;
  geometrySource: string;
}

export async function getMeta(db: Database): Promise<DatasetMeta> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM meta');
  const m = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    millesime: Number(m.millesime),
    scope: m.scope ?? 'france',
    communes: Number(m.communes),
    populationSource: m.population_source ?? '',
    geometrySource: m.geometry_source ?? '',
  };
}

export interface DatasetRow {
  id: string;
  title: string;
  producer: string;
  licence: string;
  millesime: string;
  origin: string;
  sha256: string;
  /** The date the file gives itself (FINESS: its extraction date), null when it gives none. */
  date: string | null;
}

export function listDatasets(db: Database): Promise<DatasetRow[]> {
  return db.all<DatasetRow>('SELECT id, title, producer, licence, millesime, origin, sha256, date FROM datasets ORDER BY id');
}

/**
 * Checks once, when the server or a command opens the database, that it was built with the schema
 * this code expects; queries then never need to ask whether a table exists.
 */
export async function checkSchema(db: Database): Promise<void> {
  const rows = await db.all<{ key: string; value: string }>(
    "SELECT key, value FROM meta WHERE key IN ('schema_version', 'care_schema_version')",
  ).catch(() => []);
  const found = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const expected = { schema_version: String(GEOGRAPHY_SCHEMA_VERSION), care_schema_version: String(CARE_SCHEMA_VERSION) };
  const stale = Object.entries(expected).filter(([k, v]) => found[k] !== v);
  if (stale.length > 0) {
    throw new Error(
      `La base ${db.path} a été construite pour un autre schéma (${stale.map(([k, v]) => `${k} ${found[k] ?? 'absent'} au lieu de ${v}`).join(', ')}) : ` +
        'reconstruisez-la avec « npm run build:data » (les imports archivés sont rejoués).',
    );
  }
}
