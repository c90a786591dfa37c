/**
 * Schema of the care offer and of its territories (issue « offre de soins »): structures, CPTS
 * and their communes, protocoles de coopération and their deployments, SAS by département, and
 * the journal of imports. Created by the data build next to the geography.
 *
 * Conventions shared by every care table:
 * - `source` says where a row comes from (URL, file name, « FINESS … »); `source_date` its date
 *   (ISO `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the source is that coarse).
 * - `demo` is true only for rows of the demonstration scenario, whose source is « démonstration »;
 *   real and demonstration rows are never mixed silently: the API labels them and one setting
 *   (MAILLAGE_DEMO=0) hides them.
 * - `import_id` names the import that wrote the row (NULL for the embedded default).
 * - Commune codes are current COG codes (old codes are translated on the way in).
 */
import { defineTable, type TableSpec } from './table-spec';

/**
 * 2: `cpts.departement` (the CPTS's département, for CPTS whose communes are not listed).
 * 3: `structures.telephone` (the FINESS telephone, kept through imports).
 * 4: `completeness` (« liste complète au <date> » per département and list), `structures.visits_per_year`,
 *    the official indicators (official-schema.ts).
 * 5: `cpts.finess_et`, `cpts.headquarters_lon`/`_lat` (CPTS of FINESS category 604, a point at their
 *    address), CPTS status « non renseigné », completeness list `msp-cds`.
 */
export const CARE_SCHEMA_VERSION = 5;

/**
 * The lists a département can be declared complete for: its CPTS, its MMG, its SNP offers (all
 * kinds), its MSP and centres de santé (what the national FINESS extraction is authoritative for).
 */
export const COMPLETE_LISTS = ['cpts', 'mmg', 'snp', 'msp-cds'] as const;
export type CompleteList = (typeof COMPLETE_LISTS)[number];

export const STRUCTURE_KINDS = ['MSP', 'CDS', 'MMG', 'SU', 'CPTS_SIEGE', 'ESP', 'AUTRE'] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];
export const CDS_SUBTYPES = ['polyvalent', 'dentaire', 'infirmier', 'autre'] as const;
/** The statuses an import states (a CPTS file must say which). */
export const CPTS_STATUSES = ['pré-projet', 'projet de santé', 'ACI signé'] as const;
/** The status of a CPTS its source leaves empty — a listing without status, or FINESS alone (category 604), which does not say the stage: a CPTS all the same, counted among all CPTS only. */
export const CPTS_STATUS_NOT_KNOWN = 'non renseigné';
export type CptsStatus = (typeof CPTS_STATUSES)[number] | typeof CPTS_STATUS_NOT_KNOWN;
export const SAS_STATUSES = ['opérationnel', 'en préparation', 'pilote', 'aucun'] as const;
export const SNP_FLAGS = ['oui', 'non', 'inconnu'] as const;
export type SnpFlag = (typeof SNP_FLAGS)[number];

export const CARE_SPECS: TableSpec[] = [
  defineTable('structures', {
    id: 'VARCHAR',
    kind: 'VARCHAR NOT NULL', // MSP | CDS | MMG | SU | CPTS_SIEGE | ESP | AUTRE
    cds_subtype: 'VARCHAR', // CDS: polyvalent | dentaire | infirmier | autre; NULL unknown
    finess_category: 'VARCHAR', // FINESS categetab code when known (603, 124, 604, 355…)
    finess_category_label: 'VARCHAR',
    finess_et: 'VARCHAR',
    finess_ej: 'VARCHAR',
    name: 'VARCHAR NOT NULL',
    address: 'VARCHAR',
    telephone: 'VARCHAR', // as FINESS writes it, 10 digits (0262905050); NULL when the source gives none
    commune: 'VARCHAR NOT NULL', // current COG code
    lon: 'DOUBLE NOT NULL',
    lat: 'DOUBLE NOT NULL',
    location_precision: 'VARCHAR NOT NULL', // adresse | commune (commune label point)
    opening_hours: 'VARCHAR', // OpenStreetMap opening_hours syntax, validated
    accepts_snp: 'VARCHAR NOT NULL', // oui | non | inconnu
    host_su_id: 'VARCHAR', // MMG adossée: id of its SU structure
    visits_per_year: 'INTEGER', // SU: emergency visits in a year (SAE PASSU), NULL unknown
    visits_year: 'INTEGER', // the year of visits_per_year
    note: 'VARCHAR',
    source: 'VARCHAR NOT NULL',
    source_date: 'VARCHAR',
    demo: 'BOOLEAN NOT NULL',
    import_id: 'VARCHAR',
  }, { primaryKey: ['id'] }),
  defineTable('cpts', {
    id: 'VARCHAR',
    name: 'VARCHAR NOT NULL',
    status: 'VARCHAR NOT NULL', // pré-projet | projet de santé | ACI signé | non renseigné (the source gives none, or FINESS alone)
    status_date: 'VARCHAR',
    declared_population: 'INTEGER',
    finess_et: 'VARCHAR', // FINESS number of the CPTS (category 604) when known
    headquarters_commune: 'VARCHAR',
    headquarters_address: 'VARCHAR',
    headquarters_lon: 'DOUBLE', // the address's position (FINESS geolocation), NULL when unknown
    headquarters_lat: 'DOUBLE',
    departement: 'VARCHAR', // as the source states it, or the département of most of its communes
    territory_note: 'VARCHAR', // what the source says of the territory when it lists no communes
    note: 'VARCHAR',
    source: 'VARCHAR NOT NULL',
    source_date: 'VARCHAR',
    demo: 'BOOLEAN NOT NULL',
    import_id: 'VARCHAR',
  }, { primaryKey: ['id'] }),
  defineTable('cpts_communes', {
    cpts_id: 'VARCHAR NOT NULL',
    commune: 'VARCHAR NOT NULL',
    coverage: 'VARCHAR NOT NULL', // entière | partielle
    note: 'VARCHAR',
    source: 'VARCHAR NOT NULL',
    demo: 'BOOLEAN NOT NULL',
    import_id: 'VARCHAR',
  }, { primaryKey: ['cpts_id', 'commune'] }),
  defineTable('protocols', {
    id: 'VARCHAR',
    title: 'VARCHAR NOT NULL',
    delegants: 'VARCHAR[] NOT NULL',
    delegues: 'VARCHAR[] NOT NULL',
    scope: 'VARCHAR NOT NULL', // national | local
    concerns_snp: 'BOOLEAN NOT NULL',
    open_to_cpts: 'VARCHAR', // oui | non | dérogatoire … as the source words it
    authorised_on: 'VARCHAR',
    revised_on: 'VARCHAR',
    framework: 'VARCHAR',
    note: 'VARCHAR',
    source: 'VARCHAR NOT NULL',
    demo: 'BOOLEAN NOT NULL',
    import_id: 'VARCHAR',
  }, { primaryKey: ['id'] }),
  defineTable('protocol_deployments', {
    id: 'VARCHAR',
    protocol_id: 'VARCHAR NOT NULL',
    structure_id: 'VARCHAR',
    cpts_id: 'VARCHAR', // exactly one of the two
    since: 'VARCHAR',
    delegues_count: 'INTEGER',
    source: 'VARCHAR NOT NULL',
    demo: 'BOOLEAN NOT NULL',
    import_id: 'VARCHAR',
  }, { primaryKey: ['id'] }),
  defineTable('sas', {
    departement: 'VARCHAR',
    status: 'VARCHAR NOT NULL', // opérationnel | en préparation | pilote | aucun
    start_date: 'VARCHAR',
    start_date_note: 'VARCHAR',
    telephone: 'VARCHAR',
    note: 'VARCHAR',
    source: 'VARCHAR NOT NULL',
    demo: 'BOOLEAN NOT NULL',
    import_id: 'VARCHAR',
  }, { primaryKey: ['departement'] }),
  defineTable('sas_filieres', {
    departement: 'VARCHAR NOT NULL',
    filiere: 'VARCHAR NOT NULL', // médecine générale | psychiatrie | pédiatrie | gériatrie | …
    since: 'VARCHAR',
    source: 'VARCHAR NOT NULL',
    demo: 'BOOLEAN NOT NULL',
    import_id: 'VARCHAR',
  }, { primaryKey: ['departement', 'filiere'] }),
  // « Liste complète au <date> »: only a declaration makes absence meaningful (zones blanches, « à
  // plus de 30 km », « SU sans MMG »). Written by an import that carries one; never removed by an
  // import without one. The curated default declares nothing (no curated list is exhaustive).
  defineTable('completeness', {
    departement: 'VARCHAR',
    list_kind: 'VARCHAR', // cpts | mmg | snp
    complete_on: 'VARCHAR NOT NULL', // AAAA-MM-JJ: the day the list is complete at
    declared_by: 'VARCHAR NOT NULL',
    source: 'VARCHAR NOT NULL', // the file declared complete
    demo: 'BOOLEAN NOT NULL',
    import_id: 'VARCHAR',
  }, { primaryKey: ['departement', 'list_kind'] }),
  defineTable('imports', {
    id: 'VARCHAR',
    kind: 'VARCHAR NOT NULL',
    file_name: 'VARCHAR NOT NULL',
    format: 'VARCHAR NOT NULL',
    sha256: 'VARCHAR NOT NULL',
    rows_read: 'INTEGER NOT NULL',
    rows_accepted: 'INTEGER NOT NULL',
    rows_rejected: 'INTEGER NOT NULL',
    status: 'VARCHAR NOT NULL', // appliqué | partiel | rejeté
    imported_at: 'VARCHAR NOT NULL',
    imported_by: 'VARCHAR NOT NULL',
    millesime: 'INTEGER NOT NULL',
    report: 'VARCHAR', // JSON: rejected rows with line numbers and French reasons
  }, { primaryKey: ['id'] }),
];
