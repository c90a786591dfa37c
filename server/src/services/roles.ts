/**
 * Granting and revoking roles, `(db, state, author, params) → result`: an administrator grants any role,
 * an ARS delegate grants coordinators of the CPTS of their territory (policy/policy.ts). Each
 * change is written with its audit entry in one PostgreSQL transaction, and announced to every
 * process (state-changes.ts); each request reads the roles of its user from the store, so a
 * revoked role is refused by every process from the next request after the commit. The CLI (`npm run roles`) and the
 * bootstrap of MAILLAGE_ADMINISTRATEURS act as the machine itself.
 */
import type { Database } from '../db/connection';
import { cptsSummary } from '../db/cpts-queries';
import { appendAudit } from '../db/audit-queries';
import { grantRole, listRoles, revokeRole, type RoleRow } from '../db/role-queries';
import { announce } from '../db/state-changes';
import { mirrorCurrent } from '../db/state-mirror';
import type { RoleName } from '../db/state-schema';
import type { StateStore } from '../db/state-store';
import { crashPoint } from '../lib/crash-point';
import { badRequest, notFound } from '../lib/api-error';
import { parisDay } from '../lib/attachment';
import { isAdmin, policy, territoryCovers, type RegionOf } from '../policy/policy';
import type { Actor } from '../scope/request-scope';
import { actorLabel } from './actor-label';

export interface RoleChange {
  identifiant: string;
  role: RoleName;
  territoire: string;
}

/** Who changes a role: a request's actor, or the machine (CLI, bootstrap) with its name. */
export type RoleAuthor = { actor: Actor } | { machine: string };

/** Départements the role's territory concerns (for the policy and the audit), checked against the database. */
async function territoryOf(db: Database, regionOf: RegionOf, r: RoleChange): Promise<{ deps: string[]; cptsDeps: string[] | null }> {
  const [kind, code] = r.territoire.split(':');
  const allDeps = [...regionOf.keys()];
  if (r.role === 'administrateur') {
    if (r.territoire !== 'france') throw badRequest('Le rôle administrateur vaut pour toute la France : territoire « france ».');
    return { deps: [], cptsDeps: null };
  }
  if (r.role === 'coordinateur') {
    if (kind !== 'cpts' || !code) throw badRequest('Le rôle coordinateur se donne sur une CPTS : territoire « cpts:<identifiant> ».');
    const cpts = await cptsSummary(db, code, true, parisDay());
    if (!cpts) throw notFound(`CPTS « ${code} » inconnue.`);
    const deps = [...new Set([...cpts.departements, ...(cpts.departement ? [cpts.departement] : [])])].sort();
    return { deps, cptsDeps: deps };
  }
  if (r.territoire !== 'france' && !((kind === 'departement' && code && regionOf.has(code)) || (kind === 'region' && [...regionOf.values()].includes(code!)))) {
    throw badRequest('Le rôle de délégué ARS se donne sur un département (« departement:31 »), une région (« region:76 ») ou « france », connus de la base.');
  }
  return { deps: allDeps.filter((d) => territoryCovers(r.territoire, d, regionOf)), cptsDeps: null };
}

export async function changeRole(db: Database, state: StateStore, author: RoleAuthor, regionOf: RegionOf, r: RoleChange, grant: boolean): Promise<{ changed: boolean }> {
  const change = { ...r, identifiant: r.identifiant.trim().toLowerCase() };
  await mirrorCurrent(db, state);
  const { deps, cptsDeps } = await territoryOf(db, regionOf, change);
  if ('actor' in author) policy.changeRole(author.actor, change.role, cptsDeps, regionOf);
  const who = 'actor' in author ? actorLabel(author.actor) : author.machine;
  const out = await state.transaction(async (tx) => {
    const row: RoleRow = { ...change, grantedBy: who, grantedAt: new Date().toISOString() };
    const changed = grant ? await grantRole(tx, row) : await revokeRole(tx, change);
    if (changed) {
      const label = `${change.role} (${change.territoire})`;
      await appendAudit(tx, {
        action: grant ? 'role.attribution' : 'role.retrait', actor: who, target: change.identifiant, departements: deps,
        before: grant ? null : label, after: grant ? label : null, detail: null,
      });
      await announce(tx, { kind: 'roles' });
      crashPoint('role-ecrit');
    }
    return { changed };
  });
  if (out.changed) crashPoint('role-valide');
  return out;
}

/** Roles the actor may see: all for an administrator; for an ARS delegate, the coordinators of their territory's CPTS and themselves. */
export async function visibleRoles(db: Database, state: StateStore, actor: Actor, regionOf: RegionOf): Promise<RoleRow[]> {
  await mirrorCurrent(db, state);
  const all = await listRoles(state);
  if (isAdmin(actor)) return all;
  if (actor.kind !== 'utilisateur' || !actor.roles.some((r) => r.role === 'délégué ARS')) {
    policy.changeRole(actor, 'délégué ARS', null, regionOf);
  }
  const out: RoleRow[] = [];
  for (const r of all) {
    if (r.identifiant === (actor as { id: string }).id) out.push(r);
    else if (r.role === 'coordinateur') {
      const cpts = await cptsSummary(db, r.territoire.slice('cpts:'.length), true, parisDay());
      const deps = cpts ? [...cpts.departements, ...(cpts.departement ? [cpts.departement] : [])] : [];
      if (actor.kind === 'utilisateur' && actor.roles.some((a) => a.role === 'délégué ARS' && deps.some((d) => territoryCovers(a.territoire, d, regionOf)))) out.push(r);
    }
  }
  return out;
}

/** MAILLAGE_ADMINISTRATEURS: e-mails granted `administrateur` at start-up (the first administrator). */
export async function bootstrapAdmins(db: Database, state: StateStore, regionOf: RegionOf, emails: string[]): Promise<void> {
  for (const identifiant of emails) {
    await changeRole(db, state, { machine: 'démarrage (MAILLAGE_ADMINISTRATEURS)' }, regionOf, { identifiant, role: 'administrateur', territoire: 'france' }, true);
  }
}
