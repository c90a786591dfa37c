/** Roles bound to territories, in the state store (db/state-schema.ts). */
import type { Database } from './connection';
import type { RoleName } from './state-schema';

export interface RoleRow {
  identifiant: string;
  role: RoleName;
  /** france | region:<code> | departement:<code> | cpts:<id> */
  territoire: string;
  grantedBy: string;
  grantedAt: string;
}

const COLUMNS = 'identifiant, role, territoire, granted_by AS grantedBy, granted_at AS grantedAt';

export function rolesOf(db: Database, identifiant: string): Promise<RoleRow[]> {
  return db.all<RoleRow>(`SELECT ${COLUMNS} FROM etat.roles WHERE identifiant = $identifiant ORDER BY role, territoire`, { identifiant });
}

export function listRoles(db: Database): Promise<RoleRow[]> {
  return db.all<RoleRow>(`SELECT ${COLUMNS} FROM etat.roles ORDER BY identifiant, role, territoire`);
}

/** Inserts the role; false when it was already granted. */
export async function grantRole(db: Database, r: RoleRow): Promise<boolean> {
  const rows = await db.all(
    `INSERT INTO etat.roles VALUES ($identifiant, $role, $territoire, $grantedBy, $grantedAt) ON CONFLICT DO NOTHING RETURNING identifiant`,
    { ...r },
  );
  return rows.length > 0;
}

/** Deletes the role; false when there was none. */
export async function revokeRole(db: Database, r: Pick<RoleRow, 'identifiant' | 'role' | 'territoire'>): Promise<boolean> {
  const rows = await db.all(
    'DELETE FROM etat.roles WHERE identifiant = $identifiant AND role = $role AND territoire = $territoire RETURNING identifiant',
    { ...r },
  );
  return rows.length > 0;
}

/** Région of each département (for roles granted on a région). */
export async function departementRegions(db: Database): Promise<Map<string, string>> {
  const rows = await db.all<{ code: string; region: string }>('SELECT code, region FROM departements');
  return new Map(rows.map((r) => [r.code, r.region]));
}
