import type { Database } from './connection';
import type { SearchPlan } from '../search/plan-search';

export type SearchMatch = 'code_insee' | 'ancien_code' | 'code_postal' | 'nom';

export interface SearchResult {
  code: string;
  nom: string;
  label: string;
  departement: { code: string; nom: string };
  population: number;
  codesPostaux: string[];
  labelPoint: [number, number];
  bbox: [number, number, number, number];
  match: SearchMatch;
  score: number;
  ancienCode: { code: string; nom: string | null; relation: string } | null;
}

const NO_OLD = 'NULL::STRUCT(code VARCHAR, nom VARCHAR, relation VARCHAR)';

const COLUMNS = `c.code, c.nom, c.nom || ' (' || c.departement || ')' AS label,
  {'code': d.code, 'nom': d.nom} AS departement, c.population, c.codes_postaux AS codesPostaux,
  [c.label_lon, c.label_lat] AS labelPoint, [c.min_lon, c.min_lat, c.max_lon, c.max_lat] AS bbox`;

/**
 * Candidates of every kind in one query, each with a score; the best per commune is kept.
 * Scores: INSEE code 100, exact name 100, old code 95, postcode 90 (+5 if the name is also in the
 * text), name prefix 80, word prefix 60, address window 70, substring 40; ties by population.
 */
export async function searchCommunes(db: Database, plan: SearchPlan, limit: number): Promise<SearchResult[]> {
  const parts: string[] = [];
  // DuckDB refuses a named parameter that the query does not use: each part binds what it reads.
  const params: Record<string, string | number> = { limit };
  plan.codes.forEach((code, i) => {
    params[`code${i}`] = code;
    parts.push(`SELECT c.code, 100 AS score, 'code_insee' AS match, ${NO_OLD} FROM communes c WHERE c.code = $code${i}`);
    parts.push(`SELECT p.code, 95, 'ancien_code', {'code': p.old_code, 'nom': p.old_nom, 'relation': p.relation}
                FROM commune_passage p WHERE p.old_code = $code${i}`);
  });
  plan.postcodes.forEach((cp, i) => {
    params.name = plan.name;
    params[`cp${i}`] = cp;
    parts.push(`SELECT c.code, CASE WHEN $name <> '' AND contains($name, c.nom_norm) THEN 95 ELSE 90 END, 'code_postal', ${NO_OLD}
                FROM communes c WHERE list_contains(c.codes_postaux, $cp${i})`);
  });
  if (plan.name.length >= 2) {
    params.name = plan.name;
    parts.push(`SELECT c.code,
                  CASE WHEN c.nom_norm = $name THEN 100 WHEN starts_with(c.nom_norm, $name) THEN 80
                       WHEN contains(' ' || c.nom_norm, ' ' || $name) THEN 60 ELSE 40 END, 'nom', ${NO_OLD}
                FROM communes c WHERE contains(c.nom_norm, $name)`);
  }
  if (plan.windows.length > 0) {
    const names = plan.windows.map((w, i) => {
      params[`w${i}`] = w;
      return `$w${i}`;
    });
    parts.push(`SELECT c.code, 70, 'nom', ${NO_OLD} FROM communes c WHERE c.nom_norm IN (${names.join(', ')})`);
  }
  if (parts.length === 0) return [];
  return db.all<SearchResult>(
    `WITH candidates(code, score, match, old) AS (${parts.join(' UNION ALL ')}),
     best AS (SELECT code, arg_max(struct_pack(score := score, match := match, old := old), score) AS b FROM candidates GROUP BY code)
     SELECT ${COLUMNS}, b.score::INTEGER AS score, b.match AS match, b.old AS ancienCode
     FROM best JOIN communes c USING (code) JOIN departements d ON d.code = c.departement
     ORDER BY b.score DESC, c.population DESC, c.code
     LIMIT $limit`,
    params,
  );
}
