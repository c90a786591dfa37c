/** CPTS versions of the state store (perimeter and status from a day): written, listed, never overwritten. */
import type { Database } from './connection';
import { listValue } from '@duckdb/node-api';

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

export function listVersions(db: Database, cptsId: string): Promise<CptsVersionRow[]> {
  return db.all<CptsVersionRow>(
    `SELECT v.cpts_id AS cptsId, v.version, v.valid_from AS validFrom, v.status, v.status_date AS statusDate, v.origin,
            v.proposal_id AS proposalId, v.added, v.removed, v.created_by AS createdBy, v.created_at AS createdAt,
            (SELECT count(*)::INTEGER FROM etat.cpts_version_communes c WHERE c.cpts_id = v.cpts_id AND c.version = v.version) AS communes
     FROM etat.cpts_versions v WHERE v.cpts_id = $id ORDER BY v.valid_from, v.version`,
    { id: cptsId },
  );
}

/** Appends version n+1 of a CPTS with its communes; returns its number. */
export async function appendVersion(
  db: Database,
  v: Omit<CptsVersionRow, 'version' | 'communes'> & { members: { commune: string; coverage: string }[] },
): Promise<number> {
  const [row] = await db.all<{ n: number }>('SELECT coalesce(max(version), 0)::INTEGER + 1 AS n FROM etat.cpts_versions WHERE cpts_id = $id', { id: v.cptsId });
  const version = row!.n;
  await db.run(
    `INSERT INTO etat.cpts_versions VALUES ($cptsId, $version, $validFrom, $status, $statusDate, $origin, $proposalId, CAST($added AS JSON)::VARCHAR[], CAST($removed AS JSON)::VARCHAR[], $createdBy, $createdAt)`,
    { cptsId: v.cptsId, version, validFrom: v.validFrom, status: v.status, statusDate: v.statusDate, origin: v.origin, proposalId: v.proposalId,
      added: JSON.stringify(v.added), removed: JSON.stringify(v.removed), createdBy: v.createdBy, createdAt: v.createdAt },
  );
  if (v.members.length > 0) {
    await db.run(
      `INSERT INTO etat.cpts_version_communes
       SELECT $cptsId, $version, m.commune, m.coverage FROM (SELECT unnest(CAST($members AS JSON)::STRUCT(commune VARCHAR, coverage VARCHAR)[], recursive := true)) m`,
      { cptsId: v.cptsId, version, members: JSON.stringify(v.members) },
    );
  }
  return version;
}

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

/** CPTS written by an import, with their imported status and communes, and whether they already have versions. */
export function importedCpts(db: Database, importId: string): Promise<(CptsState & { versioned: boolean; sinceAlways: boolean })[]> {
  return db.all(
    `SELECT *, id IN (SELECT cpts_id FROM etat.cpts_versions) AS versioned,
            id IN (SELECT cpts_id FROM etat.cpts_versions WHERE valid_from = '0000-01-01') AS sinceAlways FROM (${STATE_SQL} WHERE p.import_id = $id GROUP BY p.id, p.status, p.status_date) ORDER BY id`,
    { id: importId },
  );
}

/** Communes of the version of a CPTS in force last (to say what an imported version changed). */
export async function latestVersionCommunes(db: Database, cptsId: string): Promise<string[]> {
  const rows = await db.all<{ commune: string }>(
    `SELECT commune FROM etat.cpts_version_communes
     WHERE cpts_id = $id AND version = (SELECT version FROM etat.cpts_versions WHERE cpts_id = $id ORDER BY valid_from DESC, version DESC LIMIT 1) ORDER BY commune`,
    { id: cptsId },
  );
  return rows.map((r) => r.commune);
}
