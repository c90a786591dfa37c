/** How an actor is named in the audit log and on proposals. */
import type { Actor } from '../scope/request-scope';

export const actorLabel = (actor: Actor) =>
  actor.kind === 'utilisateur' ? actor.id : actor.kind === 'jeton' ? `jeton ${actor.name}` : 'anonyme';
