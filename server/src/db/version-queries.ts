/** CPTS versions of the state store (perimeter and status from a day): written, listed, never overwritten. */
import type { StateSql } from './state-store';

export interface CptsVersionRow {
  cptsId: string;
  version: number;
  validFrom: string;
  status: string;
  statusDate: string | null;
  origin: string;
  proposalId: string | null;
  added: string[];
  removed: string[];
  createdBy: string;
  createdAt: string;
  communes: number;
}

export function listVersions(sql: StateSql, cptsId: string): Promise<CptsVersionRow[]> {
  return sql.query<CptsVersionRow>(
    `SELECT v.cpts_id AS "cptsId", v.version, v.valid_from AS "validFrom", v.status, v.status_date AS "statusDate", v.origin,
            v.proposal_id AS "proposalId", v.added, v.removed, v.created_by AS "createdBy", v.created_at AS "createdAt",
            (SELECT count(*)::integer FROM etat.cpts_version_communes c WHERE c.cpts_id = v.cpts_id AND c.version = v.version) AS communes
     FROM etat.cpts_versions v WHERE v.cpts_id = $1 ORDER BY v.valid_from, v.version`,
    [cptsId],
  );
}

/** Appends version n+1 of a CPTS with its communes; returns its number. */
export async function appendVersion(
  sql: StateSql,
  v: Omit<CptsVersionRow, 'version' | 'communes'> & { members: { commune: string; coverage: string }[] },
): Promise<number> {
  const [row] = await sql.query<{ version: number }>(
    `INSERT INTO etat.cpts_versions
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, ARRAY(SELECT jsonb_array_elements_text($7::jsonb)),
            ARRAY(SELECT jsonb_array_elements_text($8::jsonb)), $9, $10
     FROM etat.cpts_versions WHERE cpts_id = $1 RETURNING version`,
    [v.cptsId, v.validFrom, v.status, v.statusDate, v.origin, v.proposalId, JSON.stringify(v.added), JSON.stringify(v.removed), v.createdBy, v.createdAt],
  );
  const version = row!.version;
  if (v.members.length > 0) {
    await sql.query(
      `INSERT INTO etat.cpts_version_communes
       SELECT $1, $2, m.commune, m.coverage FROM jsonb_to_recordset($3::jsonb) AS m(commune text, coverage text)`,
      [v.cptsId, version, JSON.stringify(v.members)],
    );
  }
  return version;
}

/** Communes of the version of a CPTS in force last (to say what an imported version changed). */
export async function latestVersionCommunes(sql: StateSql, cptsId: string): Promise<string[]> {
  const rows = await sql.query<{ commune: string }>(
    `SELECT commune FROM etat.cpts_version_communes
     WHERE cpts_id = $1 AND version = (SELECT version FROM etat.cpts_versions WHERE cpts_id = $1 ORDER BY valid_from DESC, version DESC LIMIT 1)
     ORDER BY commune`,
    [cptsId],
  );
  return rows.map((r) => r.commune);
}

/** Which of `ids` have versions, and which a version valid since always (the data's perimeter saved before an import). */
export async function versionedCpts(sql: StateSql, ids: string[]): Promise<{ versioned: Set<string>; sinceAlways: Set<string> }> {
  const rows = await sql.query<{ id: string; since_always: boolean }>(
    `SELECT cpts_id AS id, bool_or(valid_from = '0000-01-01') AS since_always FROM etat.cpts_versions
     WHERE cpts_id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb))) GROUP BY cpts_id`,
    [JSON.stringify(ids)],
  );
  return { versioned: new Set(rows.map((r) => r.id)), sinceAlways: new Set(rows.filter((r) => r.since_always).map((r) => r.id)) };
}
