/**
 * Who may do what, on which territory — the one place every write endpoint asks. Refusals are
 * ApiErrors: 401 for an anonymous request (sign in, or a token), 403 for a signed-in user or a
 * token without the role on the territory. Nothing here reads a request or the database: the
 * caller passes the actor (request scope) and the territory concerned.
 *
 * | action                              | allowed to                                                        |
 * |-------------------------------------|-------------------------------------------------------------------|
 * | write / submit a CPTS proposal      | `coordinateur` of that CPTS (`cpts:<id>`)                          |
 * | validate / refuse a proposal        | `délégué ARS` of one of its départements (or their région, or france) |
 * | grant / revoke `délégué ARS`, `administrateur` | `administrateur`                                         |
 * | grant / revoke `coordinateur` of a CPTS | `administrateur`, or `délégué ARS` of one of the CPTS's départements |
 * | import a file                       | `délégué ARS` (or a token) covering every département it touches  |
 * | read the audit log                  | `administrateur` (all), `délégué ARS` (entries of their territory) |
 */
import { ApiError } from '../lib/api-error';
import type { RoleName } from '../db/state-schema';
import type { Actor } from '../scope/request-scope';

/** Région of each département. */
export type RegionOf = ReadonlyMap<string, string>;

/** Does a role's territory (france, region:R, departement:D) contain département `dep`? */
export function territoryCovers(territoire: string, dep: string, regionOf: RegionOf): boolean {
  if (territoire === 'france') return true;
  const [kind, code] = territoire.split(':');
  if (kind === 'departement') return code === dep;
  if (kind === 'region') return regionOf.get(dep) === code;
  return false;
}

function refuse(actor: Actor, message: string): never {
  if (actor.kind === 'anonyme') throw new ApiError(401, 'non_authentifie', 'Connexion requise : connectez-vous (ProConnect, Pro Santé Connect) ou présentez un jeton.');
  throw new ApiError(403, 'interdit', message);
}

const has = (actor: Actor, role: RoleName, test: (territoire: string) => boolean) =>
  actor.kind === 'utilisateur' && actor.roles.some((r) => r.role === role && test(r.territoire));

export const isAdmin = (actor: Actor) => has(actor, 'administrateur', () => true);

/** ARS territories of the actor (a token's territories count as ARS ones for imports only). */
export const arsCoversAny = (actor: Actor, deps: string[], regionOf: RegionOf) =>
  has(actor, 'délégué ARS', (t) => deps.some((d) => territoryCovers(t, d, regionOf)));

export const policy = {
  writeProposal(actor: Actor, cptsId: string) {
    if (!has(actor, 'coordinateur', (t) => t === `cpts:${cptsId}`)) refuse(actor, `Seul un coordinateur de la CPTS ${cptsId} peut écrire ses propositions.`);
  },
  decideProposal(actor: Actor, deps: string[], regionOf: RegionOf) {
    if (!arsCoversAny(actor, deps, regionOf)) refuse(actor, `Seul un délégué ARS d'un département concerné (${deps.join(', ') || '—'}) peut valider ou refuser cette proposition.`);
  },
  changeRole(actor: Actor, role: RoleName, cptsDeps: string[] | null, regionOf: RegionOf) {
    if (isAdmin(actor)) return;
    if (role === 'coordinateur' && cptsDeps && arsCoversAny(actor, cptsDeps, regionOf)) return;
    refuse(actor, role === 'coordinateur'
      ? 'Seul un administrateur ou un délégué ARS du territoire de la CPTS peut attribuer ce rôle.'
      : 'Seul un administrateur peut attribuer les rôles de délégué ARS et d\'administrateur.');
  },
  importInto(actor: Actor, deps: string[], regionOf: RegionOf) {
    const missing = (covers: (d: string) => boolean) => deps.filter((d) => !covers(d));
    const lacking = actor.kind === 'jeton'
      ? missing((d) => actor.territoires.some((t) => territoryCovers(t, d, regionOf)))
      : missing((d) => has(actor, 'délégué ARS', (t) => territoryCovers(t, d, regionOf)));
    if (actor.kind === 'anonyme' || (actor.kind === 'utilisateur' && !has(actor, 'délégué ARS', () => true))) refuse(actor, 'Les imports sont réservés aux délégués ARS (ou au jeton de la machine).');
    if (lacking.length > 0) refuse(actor, `Import refusé : il touche des départements hors de votre territoire (${lacking.join(', ')}).`);
  },
  /** Which audit entries the actor may read: all, only those touching these départements, or none (refused). */
  readAudit(actor: Actor, regionOf: RegionOf): (deps: string[]) => boolean {
    if (isAdmin(actor)) return () => true;
    if (has(actor, 'délégué ARS', () => true)) return (deps) => arsCoversAny(actor, deps, regionOf);
    refuse(actor, 'Le journal est réservé aux délégués ARS et aux administrateurs.');
  },
  /** Proposals the actor may list: coordinators their CPTS's, ARS their territory's. */
  readProposals(actor: Actor, regionOf: RegionOf): (p: { cptsId: string; departements: string[] }) => boolean {
    if (actor.kind !== 'utilisateur' || actor.roles.length === 0) refuse(actor, 'Les propositions sont visibles des coordinateurs de CPTS et des délégués ARS.');
    return (p) => isAdmin(actor) || has(actor, 'coordinateur', (t) => t === `cpts:${p.cptsId}`) || arsCoversAny(actor, p.departements, regionOf);
  },
};
