/** Roles bound to territories, in the state store (migrations/0001-etat.sql). */
import type { Database } from './connection';
import type { RoleName } from './state-schema';
import type { StateSql } from './state-store';

export interface RoleRow {
  identifiant: string;
  role: RoleName;
  /** france | region:<code> | departement:<code> | cpts:<id> */
  territoire: string;
  grantedBy: string;
  grantedAt: string;
}

const COLUMNS = 'identifiant, role, territoire, granted_by AS "grantedBy", granted_at AS "grantedAt"';

export function rolesOf(sql: StateSql, identifiant: string): Promise<RoleRow[]> {
  return sql.query<RoleRow>(`SELECT ${COLUMNS} FROM etat.roles WHERE identifiant = $1 ORDER BY role, territoire`, [identifiant]);
}

export function listRoles(sql: StateSql): Promise<RoleRow[]> {
  return sql.query<RoleRow>(`SELECT ${COLUMNS} FROM etat.roles ORDER BY identifiant, role, territoire`);
}

/** Inserts the role; false when it was already granted. */
export async function grantRole(sql: StateSql, r: RoleRow): Promise<boolean> {
  const rows = await sql.query(
    'INSERT INTO etat.roles VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING identifiant',
    [r.identifiant, r.role, r.territoire, r.grantedBy, r.grantedAt],
  );
  return rows.length > 0;
}

/** Deletes the role; false when there was none. */
export async function revokeRole(sql: StateSql, r: Pick<RoleRow, 'identifiant' | 'role' | 'territoire'>): Promise<boolean> {
  const rows = await sql.query(
    'DELETE FROM etat.roles WHERE identifiant = $1 AND role = $2 AND territoire = $3 RETURNING identifiant',
    [r.identifiant, r.role, r.territoire],
  );
  return rows.length > 0;
}

/** Région of each département (for roles granted on a région): from the data. */
export async function departementRegions(db: Database): Promise<Map<string, string>> {
  const rows = await db.all<{ code: string; region: string }>('SELECT code, region FROM departements');
  return new Map(rows.map((r) => [r.code, r.region]));
}
