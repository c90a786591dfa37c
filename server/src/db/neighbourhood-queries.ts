/** The CPTS each commune belongs to (id, name, status, coverage), for the neighbourhood of a perimeter. */
import type { Database } from './connection';
import { listValue } from '@duckdb/node-api';
import { CPTS_AT, CPTS_COMMUNES_AT } from './cpts-at-date';

export interface CommuneMembership {
  commune: string;
  cpts: { id: string; nom: string; statut: string; couverture: string; demonstration: boolean }[];
}

export async function cptsOfCommunes(db: Database, codes: string[], { demo, date }: { demo: boolean; date: string }): Promise<Map<string, CommuneMembership['cpts']>> {
  if (codes.length === 0) return new Map();
  const rows = await db.all<CommuneMembership>(
    `SELECT m.commune, list({'id': p.id, 'nom': p.name, 'statut': p.status, 'couverture': m.coverage, 'demonstration': p.demo OR m.demo} ORDER BY p.name) AS cpts
     FROM ${CPTS_COMMUNES_AT} m JOIN ${CPTS_AT} p ON p.id = m.cpts_id
     WHERE list_contains($codes, m.commune) AND ($demo OR NOT (p.demo OR m.demo))
     GROUP BY m.commune`,
    { codes: listValue(codes), demo, date },
  );
  return new Map(rows.map((r) => [r.commune, r.cpts]));
}
