-- What users write: roles, perimeter proposals, CPTS versions, the audit log, shared rate windows.
-- Days are 'AAAA-MM-JJ' text, moments ISO 8601 UTC text, like the rest of Maillage.
CREATE SCHEMA IF NOT EXISTS etat;

CREATE TABLE etat.meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO etat.meta VALUES ('state_version', '0');

CREATE TABLE etat.roles (
  identifiant text NOT NULL,          -- e-mail (lower case) given by the OpenID provider
  role text NOT NULL CHECK (role IN ('administrateur', 'délégué ARS', 'coordinateur')),
  territoire text NOT NULL,           -- france | region:76 | departement:31 | cpts:<id>
  granted_by text NOT NULL,
  granted_at text NOT NULL,
  PRIMARY KEY (identifiant, role, territoire)
);

CREATE TABLE etat.propositions (
  id text PRIMARY KEY,
  cpts_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('brouillon', 'soumise', 'refusée', 'validée')),
  added text[] NOT NULL,              -- communes added to the perimeter
  removed text[] NOT NULL,            -- communes removed from it
  comment text,
  departements text[] NOT NULL,       -- départements concerned (current perimeter ∪ added communes)
  author text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  submitted_at text,
  decided_by text,
  decided_at text,
  reason text,                        -- refusal reason, or validation note
  valid_from text,                    -- day the validated perimeter applies from
  revision integer NOT NULL           -- incremented by every write: conditional updates compare it
);
CREATE INDEX propositions_cpts ON etat.propositions (cpts_id);

CREATE TABLE etat.cpts_versions (
  cpts_id text NOT NULL,
  version integer NOT NULL,
  valid_from text NOT NULL,           -- valid until the next version's valid_from
  status text NOT NULL,
  status_date text,
  origin text NOT NULL,               -- proposition | import | données
  proposal_id text,
  added text[] NOT NULL,
  removed text[] NOT NULL,
  created_by text NOT NULL,
  created_at text NOT NULL,
  PRIMARY KEY (cpts_id, version)
);

CREATE TABLE etat.cpts_version_communes (
  cpts_id text NOT NULL,
  version integer NOT NULL,
  commune text NOT NULL,
  coverage text NOT NULL,             -- entière | partielle
  PRIMARY KEY (cpts_id, version, commune),
  FOREIGN KEY (cpts_id, version) REFERENCES etat.cpts_versions
);

CREATE TABLE etat.audit (
  id text PRIMARY KEY,
  at_time text NOT NULL,
  actor text NOT NULL,                -- identifiant, token name, or « anonyme »
  action text NOT NULL,               -- import | proposition.* | role.* | connexion.*
  target text,
  departements text[] NOT NULL,       -- territory concerned (who may read the entry)
  before text,
  after text,
  detail text
);
CREATE INDEX audit_at ON etat.audit (at_time DESC);
CREATE INDEX audit_action_actor ON etat.audit (action, actor, at_time);

-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION etat.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'le journal d''audit ne se modifie pas (% refusé)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON etat.audit
  FOR EACH ROW EXECUTE FUNCTION etat.audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON etat.audit
  FOR EACH STATEMENT EXECUTE FUNCTION etat.audit_append_only();

-- Hits of the rate limits by second, shared by every process: a limit counts the last 60 seconds.
CREATE TABLE etat.rate_windows (
  name text NOT NULL,                 -- connexion | connexion-echecs | ecritures
  key text NOT NULL,                  -- client address or actor
  window_start bigint NOT NULL,       -- epoch second
  hits integer NOT NULL,
  PRIMARY KEY (name, key, window_start)
);
