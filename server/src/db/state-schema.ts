/**
 * Schema of the state store: everything users write (roles, perimeter proposals, CPTS versions,
 * audit log). It lives in its own DuckDB file next to the database (`maillage-etat.duckdb`,
 * MAILLAGE_STATE_DB), attached to the connection as the schema `etat`, so that `npm run build:data`
 * — which recreates the database from its inputs and the import journal — never touches it.
 *
 * Days are `AAAA-MM-JJ` text, moments ISO 8601 UTC text, like the rest of the database.
 */
import { defineTable, type TableSpec } from './table-spec';

export const STATE_SCHEMA = 'etat';
export const STATE_SCHEMA_VERSION = 1;

export const ROLES = ['administrateur', 'délégué ARS', 'coordinateur'] as const;
export type RoleName = (typeof ROLES)[number];
export const PROPOSAL_STATES = ['brouillon', 'soumise', 'refusée', 'validée'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const STATE_SPECS: TableSpec[] = [
  defineTable('meta', { key: 'VARCHAR', value: 'VARCHAR NOT NULL' }, { primaryKey: ['key'] }),
  defineTable('roles', {
    identifiant: 'VARCHAR', // e-mail (lower case) given by the OpenID provider
    role: 'VARCHAR', // administrateur | délégué ARS | coordinateur
    territoire: 'VARCHAR', // france | region:76 | departement:31 | cpts:<id>
    granted_by: 'VARCHAR NOT NULL',
    granted_at: 'VARCHAR NOT NULL',
  }, { primaryKey: ['identifiant', 'role', 'territoire'] }),
  defineTable('propositions', {
    id: 'VARCHAR',
    cpts_id: 'VARCHAR NOT NULL',
    state: 'VARCHAR NOT NULL', // brouillon | soumise | refusée | validée
    added: 'VARCHAR[] NOT NULL', // communes added to the perimeter
    removed: 'VARCHAR[] NOT NULL', // communes removed from it
    comment: 'VARCHAR',
    departements: 'VARCHAR[] NOT NULL', // départements concerned (current perimeter ∪ added communes)
    author: 'VARCHAR NOT NULL',
    created_at: 'VARCHAR NOT NULL',
    updated_at: 'VARCHAR NOT NULL',
    submitted_at: 'VARCHAR',
    decided_by: 'VARCHAR',
    decided_at: 'VARCHAR',
    reason: 'VARCHAR', // refusal reason, or validation note
    valid_from: 'VARCHAR', // day the validated perimeter applies from
    revision: 'INTEGER NOT NULL', // incremented by every write: conditional updates compare it
  }, { primaryKey: ['id'] }),
  defineTable('cpts_versions', {
    cpts_id: 'VARCHAR',
    version: 'INTEGER',
    valid_from: 'VARCHAR NOT NULL', // AAAA-MM-JJ; valid until the next version's valid_from
    status: 'VARCHAR NOT NULL',
    status_date: 'VARCHAR',
    origin: 'VARCHAR NOT NULL', // proposition | import
    proposal_id: 'VARCHAR',
    added: 'VARCHAR[] NOT NULL',
    removed: 'VARCHAR[] NOT NULL',
    created_by: 'VARCHAR NOT NULL',
    created_at: 'VARCHAR NOT NULL',
  }, { primaryKey: ['cpts_id', 'version'] }),
  defineTable('cpts_version_communes', {
    cpts_id: 'VARCHAR',
    version: 'INTEGER',
    commune: 'VARCHAR',
    coverage: 'VARCHAR NOT NULL', // entière | partielle
  }, { primaryKey: ['cpts_id', 'version', 'commune'] }),
  defineTable('audit', {
    id: 'VARCHAR',
    at_time: 'VARCHAR NOT NULL',
    actor: 'VARCHAR NOT NULL', // identifiant, token name, or « anonyme »
    action: 'VARCHAR NOT NULL', // import | proposition.* | role.* | connexion.echecs
    target: 'VARCHAR', // proposal id, CPTS id, import id, identifiant
    departements: 'VARCHAR[] NOT NULL', // territory concerned (who may read the entry)
    before: 'VARCHAR', // short French summary of the state before
    after: 'VARCHAR', // and after
    detail: 'VARCHAR',
  }, { primaryKey: ['id'] }),
];
