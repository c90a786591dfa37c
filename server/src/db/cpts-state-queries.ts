/** Status and communes of CPTS as the data holds them (version 0), and the départements of communes: what proposals and imported versions are checked against. */
import { listValue } from '@duckdb/node-api';
import type { Database } from './connection';

/** Départements of communes (for the territory a proposal concerns). */
export async function departementsOf(db: Database, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.all<{ code: string; departement: string }>('SELECT code, departement FROM communes WHERE list_contains($codes, code)', { codes: listValue(codes) });
  return new Map(rows.map((r) => [r.code, r.departement]));
}

export interface CptsState {
  id: string;
  status: string;
  statusDate: string | null;
  members: { commune: string; coverage: string }[];
}

const STATE_SQL = `SELECT p.id, p.status, p.status_date AS statusDate,
         coalesce(list({'commune': m.commune, 'coverage': m.coverage} ORDER BY m.commune) FILTER (WHERE m.commune IS NOT NULL), []) AS members
  FROM cpts p LEFT JOIN cpts_communes m ON m.cpts_id = p.id`;

/** Status and communes of every CPTS as the database holds them (version 0), before an import replaces some. */
export async function cptsStates(db: Database): Promise<Map<string, CptsState>> {
  const rows = await db.all<CptsState>(`${STATE_SQL} GROUP BY p.id, p.status, p.status_date`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** CPTS written by an import, with their imported status and communes. */
export function importedCpts(db: Database, importId: string): Promise<CptsState[]> {
  return db.all<CptsState>(`${STATE_SQL} WHERE p.import_id = $id GROUP BY p.id, p.status, p.status_date ORDER BY p.id`, { id: importId });
}
