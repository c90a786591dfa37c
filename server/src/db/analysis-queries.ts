/**
 * Reads the inputs of the coverage and access analyses: the communes of the reference geography
 * and the care offer, honouring the demonstration setting (demo rows are left out when
 * `demo` is false). Also the data version that keys the analysis cache.
 */
import { listValue } from '@duckdb/node-api';
import type { Database } from './connection';
import { CPTS_AT, CPTS_COMMUNES_AT } from './cpts-at-date';
import { mirroredVersion } from './state-mirror';
import type { CompletenessRecord } from '../analysis/completeness';
import { communeTable, type CommuneRef, type CommuneTable, type CptsRecord, type DeploymentRecord, type ProtocolRecord, type SasRecord, type StructureRecord } from '../analysis/inputs';
import { reusedRead } from './reused-read';

export interface DemoFilter {
  /** Include demonstration rows. */
  demo: boolean;
}

/**
 * `meta.data_version` (incremented by every import; '0' when absent), followed by `.<n>` once the
 * state store holds CPTS versions (the state version its mirror holds, db/state-mirror.ts):
 * what keys the analysis and answer caches. Read at most every 250 ms per database, and again at
 * once after any write of this process (reused-read.ts), so the hot path of cached answers costs no query.
 */
export const dataVersion = reusedRead(250, async (db) => {
  const [row] = await db.all<{ value: string }>("SELECT value FROM meta WHERE key = 'data_version'");
  const state = mirroredVersion(db);
  return state === 0 ? (row?.value ?? '0') : `${row?.value ?? '0'}.${state}`;
});

export async function loadCommuneTable(db: Database): Promise<CommuneTable> {
  const list = await db.all<CommuneRef>(
    `SELECT code, nom, departement, region, epci, population, label_lon AS lon, label_lat AS lat,
            contained_in AS containedIn, area_km2 AS areaKm2
     FROM communes ORDER BY code`,
  );
  // Arrondissements municipaux: at their commune's label point, drawn with its polygon (no contour of their own).
  const arrondissements = await db.all<CommuneRef>(
    `SELECT a.code, a.nom, c.departement, c.region, c.epci, a.population, c.label_lon AS lon, c.label_lat AS lat,
            a.commune AS containedIn, NULL::DOUBLE AS areaKm2, a.commune AS arrondissementOf
     FROM arrondissements_municipaux a JOIN communes c ON c.code = a.commune ORDER BY a.code`,
  );
  const pairs = (sql: string) => db.all<{ code: string; nom: string }>(sql).then((rows) => new Map(rows.map((r) => [r.code, r.nom])));
  return communeTable(list, {
    regions: await pairs('SELECT code, nom FROM regions'),
    departements: await pairs('SELECT code, nom FROM departements'),
    epci: await pairs('SELECT code, nom FROM epci'),
  }, arrondissements);
}

export async function loadStructures(db: Database, { demo }: DemoFilter): Promise<StructureRecord[]> {
  return db.all<StructureRecord>(
    `SELECT s.id, s.kind, s.name, s.commune, coalesce(c.departement, '') AS departement, s.lon, s.lat,
            s.opening_hours AS openingHours, s.accepts_snp AS acceptsSnp, s.host_su_id AS hostSuId, s.visits_per_year AS visitsPerYear, s.demo
     FROM structures s LEFT JOIN communes c ON c.code = s.commune
     WHERE $demo OR NOT s.demo ORDER BY s.id`,
    { demo },
  );
}

/** The CPTS with their status and communes as they were on `date` (AAAA-MM-JJ): db/cpts-at-date.ts. */
export async function loadCpts(db: Database, { demo, date }: DemoFilter & { date: string }): Promise<CptsRecord[]> {
  const cpts = await db.all<Omit<CptsRecord, 'communes'>>(
    `SELECT p.id, p.name, p.status, p.status_date AS statusDate, p.demo, p.headquarters_commune AS seatCommune, p.departement
     FROM ${CPTS_AT} p WHERE $demo OR NOT p.demo ORDER BY p.id`,
    { demo, date },
  );
  // One text row rather than one JSON object per membership: 30 000 rows convert 5× faster.
  const [row] = await db.all<{ members: string | null }>(
    `SELECT string_agg(cpts_id || chr(9) || commune || chr(9) || coverage, chr(10)) AS members
     FROM ${CPTS_COMMUNES_AT} WHERE $demo OR NOT demo`,
    { demo, date },
  );
  const byId = new Map<string, CptsRecord>(cpts.map((c) => [c.id, { ...c, communes: [] }]));
  for (const line of row?.members ? row.members.split('\n') : []) {
    const [id, code, coverage] = line.split('\t') as [string, string, 'entière' | 'partielle'];
    byId.get(id)?.communes.push({ code, coverage });
  }
  return [...byId.values()];
}

export async function loadSas(db: Database, { demo }: DemoFilter): Promise<SasRecord[]> {
  return db.all<SasRecord>(
    `SELECT s.departement, s.status, s.start_date AS startDate, s.demo,
            coalesce(list({'filiere': f.filiere, 'since': f.since} ORDER BY f.filiere) FILTER (WHERE f.filiere IS NOT NULL), []) AS filieres
     FROM sas s LEFT JOIN sas_filieres f ON f.departement = s.departement AND ($demo OR NOT f.demo)
     WHERE $demo OR NOT s.demo
     GROUP BY s.departement, s.status, s.start_date, s.demo ORDER BY s.departement`,
    { demo },
  );
}

export async function loadProtocols(db: Database, { demo }: DemoFilter): Promise<{ protocols: ProtocolRecord[]; deployments: DeploymentRecord[] }> {
  const protocols = await db.all<ProtocolRecord>(
    'SELECT id, title, concerns_snp AS concernsSnp, demo FROM protocols WHERE $demo OR NOT demo ORDER BY id',
    { demo },
  );
  const deployments = await db.all<DeploymentRecord>(
    `SELECT id, protocol_id AS protocolId, structure_id AS structureId, cpts_id AS cptsId, demo
     FROM protocol_deployments WHERE $demo OR NOT demo ORDER BY id`,
    { demo },
  );
  return { protocols, deployments };
}

export async function loadCompleteness(db: Database, { demo }: DemoFilter): Promise<CompletenessRecord[]> {
  return db.all<CompletenessRecord>(
    'SELECT departement, list_kind AS list, complete_on AS date, source, demo FROM completeness WHERE $demo OR NOT demo ORDER BY list_kind, departement',
    { demo },
  );
}

/** Stored GeoJSON geometry text of communes (null for communes without own polygon). */
export async function communeGeometryTexts(db: Database, codes: string[]): Promise<Map<string, string | null>> {
  if (codes.length === 0) return new Map();
  const rows = await db.all<{ code: string; geometry: string | null }>(
    'SELECT code, geometry FROM communes WHERE list_contains($codes, code)',
    { codes: listValue(codes) },
  );
  return new Map(rows.map((r) => [r.code, r.geometry]));
}
