/**
 * Vocabulary of the state store (its tables: migrations/0001-etat.sql, in PostgreSQL).
 * Days are `AAAA-MM-JJ` text, moments ISO 8601 UTC text, like the rest of the database.
 */
export const ROLES = ['administrateur', 'délégué ARS', 'coordinateur'] as const;
export type RoleName = (typeof ROLES)[number];
export const PROPOSAL_STATES = ['brouillon', 'soumise', 'refusée', 'validée'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
