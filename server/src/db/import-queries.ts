/**
 * What the imports read from the database: communes (current codes, old codes through the COG
 * passage table, label points and polygons), the rows an import refers to, and the journal.
 */
import { listValue } from '@duckdb/node-api';
import type { Database } from './connection';

export interface CommuneRef {
  code: string;
  nom: string;
  departement: string;
  /** Commune whose polygon holds this one when it has none of its own. */
  containedIn: string | null;
  labelLon: number;
  labelLat: number;
}

export interface PassageRef { oldCode: string; code: string; relation: string; oldNom: string | null }

/** A list parameter, matched with `x IN (SELECT unnest($list))` (a hash semi-join, fast on national files). */
const list = (values: string[]) => listValue([...new Set(values)]);

export function communesByCode(db: Database, codes: string[]): Promise<CommuneRef[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.all<CommuneRef>(
    `SELECT code, nom, departement, contained_in AS containedIn, label_lon AS labelLon, label_lat AS labelLat
     FROM communes WHERE code IN (SELECT unnest($codes))`,
    { codes: list(codes) },
  );
}

/** Arrondissements municipaux among `codes`, as units at their commune's label point and polygon (`containedIn`: the commune). */
export function arrondissementsByCode(db: Database, codes: string[]): Promise<(CommuneRef & { commune: string; communeNom: string })[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.all(
    `SELECT a.code, a.nom, c.departement, a.commune AS containedIn, c.label_lon AS labelLon, c.label_lat AS labelLat, a.commune, c.nom AS communeNom
     FROM arrondissements_municipaux a JOIN communes c ON c.code = a.commune WHERE a.code IN (SELECT unnest($codes))`,
    { codes: list(codes) },
  );
}

/** Old commune codes → current ones (the COG passage table): the one query of it but the search's ranking. */
export function passagesOf(db: Database, oldCodes: string[]): Promise<PassageRef[]> {
  if (oldCodes.length === 0) return Promise.resolve([]);
  return db.all<PassageRef>(
    'SELECT old_code AS oldCode, code, relation, old_nom AS oldNom FROM commune_passage WHERE old_code IN (SELECT unnest($codes))',
    { codes: list(oldCodes) },
  );
}

export interface CommuneShape { code: string; nom: string; departement: string; geometry: string }

/** Polygons (GeoJSON text) of communes that have their own. */
export function communeShapes(db: Database, codes: string[]): Promise<CommuneShape[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.all<CommuneShape>(
    'SELECT code, nom, departement, geometry FROM communes WHERE geometry IS NOT NULL AND code IN (SELECT unnest($codes))',
    { codes: list(codes) },
  );
}

/** Communes with a polygon whose bounding box meets the box [minLon, minLat, maxLon, maxLat]. */
export function communeShapesInBox(db: Database, [minLon, minLat, maxLon, maxLat]: [number, number, number, number]): Promise<CommuneShape[]> {
  return db.all<CommuneShape>(
    `SELECT code, nom, departement, geometry FROM communes
     WHERE geometry IS NOT NULL AND max_lon >= $minLon AND min_lon <= $maxLon AND max_lat >= $minLat AND min_lat <= $maxLat
     ORDER BY code`,
    { minLon, minLat, maxLon, maxLat },
  );
}

/** Communes without own polygon held by one of `parents`. */
export function containedCommunes(db: Database, parents: string[]): Promise<{ code: string; parent: string }[]> {
  if (parents.length === 0) return Promise.resolve([]);
  return db.all('SELECT code, contained_in AS parent FROM communes WHERE contained_in IN (SELECT unnest($codes)) ORDER BY code', { codes: list(parents) });
}

export async function existingIds(db: Database, table: 'structures' | 'cpts' | 'protocols', ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.all<{ id: string }>(`SELECT id FROM ${table} WHERE id IN (SELECT unnest($ids))`, { ids: list(ids) });
  return new Set(rows.map((r) => r.id));
}

export interface ExistingStructure {
  id: string; lon: number; lat: number; precision: string; address: string | null; telephone: string | null;
  finessCategory: string | null; finessCategoryLabel: string | null; finessEj: string | null;
  name: string; openingHours: string | null; note: string | null; source: string;
}

export function structuresById(db: Database, ids: string[]): Promise<ExistingStructure[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.all<ExistingStructure>(
    `SELECT id, lon, lat, location_precision AS precision, address, telephone, finess_category AS finessCategory,
            finess_category_label AS finessCategoryLabel, finess_ej AS finessEj, name, opening_hours AS openingHours, note, source
     FROM structures WHERE id IN (SELECT unnest($ids))`,
    { ids: list(ids) },
  );
}

export async function protocolIds(db: Database): Promise<string[]> {
  return (await db.all<{ id: string }>('SELECT id FROM protocols ORDER BY id')).map((r) => r.id);
}

export async function departementCodes(db: Database): Promise<Set<string>> {
  return new Set((await db.all<{ code: string }>('SELECT code FROM departements')).map((r) => r.code));
}

/** The day each of these départements' list is declared complete at (absent: not declared). */
export async function declaredCompleteness(db: Database, list: string, departements: string[]): Promise<Map<string, string>> {
  const rows = await db.all<{ departement: string; date: string }>(
    'SELECT departement, complete_on AS date FROM completeness WHERE list_kind = $list AND departement IN (SELECT unnest($deps))',
    { list, deps: listValue(departements) },
  );
  return new Map(rows.map((r) => [r.departement, r.date]));
}

export async function cogMillesime(db: Database): Promise<number> {
  const [row] = await db.all<{ value: string }>("SELECT value FROM meta WHERE key = 'millesime'");
  return Number(row?.value ?? 0);
}

export interface ImportRecord {
  id: string;
  kind: string;
  fileName: string;
  format: string;
  sha256: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  status: string;
  importedAt: string;
  importedBy: string;
  millesime: number;
}

const IMPORT_COLUMNS = `id, kind, file_name AS fileName, format, sha256, rows_read AS rowsRead, rows_accepted AS rowsAccepted,
  rows_rejected AS rowsRejected, status, imported_at AS importedAt, imported_by AS importedBy, millesime`;

export async function findImport(db: Database, sha256: string, kind: string): Promise<ImportRecord | null> {
  const [row] = await db.all<ImportRecord>(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE sha256 = $sha256 AND kind = $kind`, { sha256, kind });
  return row ?? null;
}

export function listImports(db: Database): Promise<(ImportRecord & { report: string | null })[]> {
  return db.all(`SELECT ${IMPORT_COLUMNS}, report FROM imports ORDER BY imported_at DESC, id DESC`);
}
