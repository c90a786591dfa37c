import type { Database } from './connection';

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
}

export function listDatasets(db: Database): Promise<DatasetRow[]> {
  return db.all<DatasetRow>('SELECT id, title, producer, licence, millesime, origin, sha256 FROM datasets ORDER BY id');
}
