/**
 * DDL of the reference geography, created by the data build. The build writes one Parquet file
 * per table (deterministic) and loads them with `INSERT … BY NAME`, so column order is free.
 */
import type { TableSpec } from './table-spec';

export const GEOGRAPHY_SCHEMA_VERSION = 1;

export const GEOGRAPHY_TABLES = ['meta', 'datasets', 'regions', 'departements', 'epci', 'communes', 'commune_passage', 'tiles'] as const;
export type GeographyTable = (typeof GEOGRAPHY_TABLES)[number];

export const GEOGRAPHY_DDL: Record<GeographyTable, string> = {
  meta: `CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  datasets: `CREATE TABLE datasets (
    id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, producer VARCHAR NOT NULL, licence VARCHAR NOT NULL,
    millesime VARCHAR NOT NULL, origin VARCHAR NOT NULL, sha256 VARCHAR NOT NULL)`,
  regions: `CREATE TABLE regions (
    code VARCHAR PRIMARY KEY, nom VARCHAR NOT NULL, zone VARCHAR NOT NULL, chef_lieu VARCHAR,
    population INTEGER NOT NULL, communes INTEGER NOT NULL, contour VARCHAR)`,
  departements: `CREATE TABLE departements (
    code VARCHAR PRIMARY KEY, nom VARCHAR NOT NULL, region VARCHAR NOT NULL, zone VARCHAR NOT NULL,
    chef_lieu VARCHAR, time_zone VARCHAR NOT NULL, population INTEGER NOT NULL, communes INTEGER NOT NULL,
    contour VARCHAR)`,
  epci: `CREATE TABLE epci (
    code VARCHAR PRIMARY KEY, nom VARCHAR NOT NULL, type VARCHAR NOT NULL, population INTEGER NOT NULL,
    communes INTEGER NOT NULL, departements VARCHAR[] NOT NULL)`,
  communes: `CREATE TABLE communes (
    code VARCHAR PRIMARY KEY, nom VARCHAR NOT NULL, nom_norm VARCHAR NOT NULL,
    departement VARCHAR NOT NULL, region VARCHAR NOT NULL, epci VARCHAR, zone VARCHAR NOT NULL,
    population INTEGER NOT NULL, area_km2 DOUBLE, label_lon DOUBLE NOT NULL, label_lat DOUBLE NOT NULL,
    min_lon DOUBLE NOT NULL, min_lat DOUBLE NOT NULL, max_lon DOUBLE NOT NULL, max_lat DOUBLE NOT NULL,
    codes_postaux VARCHAR[] NOT NULL, geometry VARCHAR, contained_in VARCHAR,
    geometry_source VARCHAR NOT NULL, geometry_millesime INTEGER, cog_millesime INTEGER NOT NULL)`,
  commune_passage: `CREATE TABLE commune_passage (
    old_code VARCHAR PRIMARY KEY, code VARCHAR NOT NULL, relation VARCHAR NOT NULL, old_nom VARCHAR)`,
  tiles: `CREATE TABLE tiles (z INTEGER NOT NULL, x INTEGER NOT NULL, y INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (z, x, y))`,
};

/** Column types used to read each table's NDJSON staging file (`read_json(columns=…)`). */
export const GEOGRAPHY_COLUMNS: Record<GeographyTable, Record<string, string>> = {
  meta: { key: 'VARCHAR', value: 'VARCHAR' },
  datasets: { id: 'VARCHAR', title: 'VARCHAR', producer: 'VARCHAR', licence: 'VARCHAR', millesime: 'VARCHAR', origin: 'VARCHAR', sha256: 'VARCHAR' },
  regions: { code: 'VARCHAR', nom: 'VARCHAR', zone: 'VARCHAR', chef_lieu: 'VARCHAR', population: 'INTEGER', communes: 'INTEGER', contour: 'VARCHAR' },
  departements: {
    code: 'VARCHAR', nom: 'VARCHAR', region: 'VARCHAR', zone: 'VARCHAR', chef_lieu: 'VARCHAR', time_zone: 'VARCHAR',
    population: 'INTEGER', communes: 'INTEGER', contour: 'VARCHAR',
  },
  epci: { code: 'VARCHAR', nom: 'VARCHAR', type: 'VARCHAR', population: 'INTEGER', communes: 'INTEGER', departements: 'VARCHAR[]' },
  communes: {
    code: 'VARCHAR', nom: 'VARCHAR', nom_norm: 'VARCHAR', departement: 'VARCHAR', region: 'VARCHAR', epci: 'VARCHAR',
    zone: 'VARCHAR', population: 'INTEGER', area_km2: 'DOUBLE', label_lon: 'DOUBLE', label_lat: 'DOUBLE',
    min_lon: 'DOUBLE', min_lat: 'DOUBLE', max_lon: 'DOUBLE', max_lat: 'DOUBLE', codes_postaux: 'VARCHAR[]',
    geometry: 'VARCHAR', contained_in: 'VARCHAR', geometry_source: 'VARCHAR', geometry_millesime: 'INTEGER',
    cog_millesime: 'INTEGER',
  },
  commune_passage: { old_code: 'VARCHAR', code: 'VARCHAR', relation: 'VARCHAR', old_nom: 'VARCHAR' },
  tiles: { z: 'INTEGER', x: 'INTEGER', y: 'INTEGER', data_b64: 'VARCHAR' },
};

/** Sort key of each table, so the Parquet files are byte-identical from run to run. */
export const GEOGRAPHY_ORDER: Record<GeographyTable, string> = {
  meta: 'key', datasets: 'id', regions: 'code', departements: 'code', epci: 'code', communes: 'code',
  commune_passage: 'old_code', tiles: 'z, x, y',
};

export const GEOGRAPHY_SPECS: TableSpec[] = GEOGRAPHY_TABLES.map((name) => ({
  name,
  ddl: GEOGRAPHY_DDL[name],
  columns: GEOGRAPHY_COLUMNS[name],
  order: GEOGRAPHY_ORDER[name],
}));
