/**
 * The kinds of import, as named on the command line (`npm run import -- <kind> <file>`) and in
 * the URL (`POST /api/imports/<kind>`), with what each expects.
 */
export const IMPORT_KINDS = ['finess', 'cpts', 'cpts-perimetres', 'mmg', 'urgences', 'sae-urgences', 'deploiements', 'sas'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface KindInfo {
  label: string;
  /** Recorded in the journal's `format` column. */
  format: string;
  /** Extension of the archived copy. */
  extension: 'csv' | 'geojson';
}

export const KIND_INFO: Record<ImportKind, KindInfo> = {
  finess: { label: 'extraction FINESS Etalab (établissements géolocalisés)', format: 'FINESS Etalab cs1100507 (CSV « ; »)', extension: 'csv' },
  cpts: { label: 'CPTS et leurs communes', format: 'CSV modèle CPTS', extension: 'csv' },
  'cpts-perimetres': { label: 'périmètres de CPTS dessinés (GeoJSON)', format: 'GeoJSON', extension: 'geojson' },
  mmg: { label: 'maisons médicales de garde', format: 'CSV modèle MMG', extension: 'csv' },
  urgences: { label: 'sites d\'urgences', format: 'CSV modèle sites d\'urgences', extension: 'csv' },
  'sae-urgences': {
    label: 'bases SAE de la DREES, urgences (URGENCES2 puis ID, concaténés)', format: 'SAE DREES, bases statistiques CSV « ; » (URGENCES2 + ID)', extension: 'csv',
  },
  deploiements: { label: 'déploiements de protocoles de coopération', format: 'CSV modèle déploiements', extension: 'csv' },
  sas: { label: 'SAS par département', format: 'CSV modèle SAS', extension: 'csv' },
};

export const isImportKind = (k: string): k is ImportKind => (IMPORT_KINDS as readonly string[]).includes(k);

/**
 * A « liste complète au <date> » declared on its own (no file: declare-complete.ts), journaled and
 * replayed like an import, under this name (`npm run import -- liste-complete …`, `POST /api/imports/liste-complete`).
 */
export const DECLARATION_KIND = 'liste-complete';
/** What a journal line, an import row and an outcome may be: a file of a kind, or a declaration alone. */
export type JournalKind = ImportKind | typeof DECLARATION_KIND;

export const unknownKindMessage = (k: string) =>
  `Type d'import « ${k} » inconnu. Types : ${IMPORT_KINDS.map((x) => `${x} (${KIND_INFO[x].label})`).join(', ')}.`;
