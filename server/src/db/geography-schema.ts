/**
 * Tables of the reference geography, created by the data build. The build writes one Parquet file
 * per table (deterministic) and loads them with `INSERT … BY NAME`.
 */
import { defineTable, type TableSpec } from './table-spec';

/**
 * 2: `boundary_tiles`, the light tile set of départements and régions alone.
 * 3: `datasets.date`, the date an input gives itself (the FINESS extraction's).
 * 4: `arrondissements_municipaux` (Paris, Lyon, Marseille), sub-communal units for the CPTS lists.
 */
export const GEOGRAPHY_SCHEMA_VERSION = 4;

export const GEOGRAPHY_SPECS: TableSpec[] = [
  defineTable('meta', { key: 'VARCHAR', value: 'VARCHAR NOT NULL' }, { primaryKey: ['key'] }),
  defineTable('datasets', {
    id: 'VARCHAR', title: 'VARCHAR NOT NULL', producer: 'VARCHAR NOT NULL', licence: 'VARCHAR NOT NULL',
    millesime: 'VARCHAR NOT NULL', origin: 'VARCHAR NOT NULL', sha256: 'VARCHAR NOT NULL',
    date: 'VARCHAR', // AAAA-MM-JJ the file gives itself (FINESS: its extraction date); NULL when it gives none
  }, { primaryKey: ['id'] }),
  defineTable('regions', {
    code: 'VARCHAR', nom: 'VARCHAR NOT NULL', zone: 'VARCHAR NOT NULL', chef_lieu: 'VARCHAR',
    population: 'INTEGER NOT NULL', communes: 'INTEGER NOT NULL',
    contour: 'VARCHAR', // official Etalab contour, GeoJSON text
  }, { primaryKey: ['code'] }),
  defineTable('departements', {
    code: 'VARCHAR', nom: 'VARCHAR NOT NULL', region: 'VARCHAR NOT NULL', zone: 'VARCHAR NOT NULL', chef_lieu: 'VARCHAR',
    time_zone: 'VARCHAR NOT NULL', population: 'INTEGER NOT NULL', communes: 'INTEGER NOT NULL', contour: 'VARCHAR',
  }, { primaryKey: ['code'] }),
  defineTable('epci', {
    code: 'VARCHAR', nom: 'VARCHAR NOT NULL', type: 'VARCHAR NOT NULL', population: 'INTEGER NOT NULL',
    communes: 'INTEGER NOT NULL', departements: 'VARCHAR[] NOT NULL',
  }, { primaryKey: ['code'] }),
  defineTable('communes', {
    code: 'VARCHAR', nom: 'VARCHAR NOT NULL', nom_norm: 'VARCHAR NOT NULL', // nom_norm: lib/text.ts normalisation, for search
    departement: 'VARCHAR NOT NULL', region: 'VARCHAR NOT NULL', epci: 'VARCHAR', zone: 'VARCHAR NOT NULL',
    population: 'INTEGER NOT NULL', area_km2: 'DOUBLE', label_lon: 'DOUBLE NOT NULL', label_lat: 'DOUBLE NOT NULL',
    min_lon: 'DOUBLE NOT NULL', min_lat: 'DOUBLE NOT NULL', max_lon: 'DOUBLE NOT NULL', max_lat: 'DOUBLE NOT NULL',
    codes_postaux: 'VARCHAR[] NOT NULL',
    geometry: 'VARCHAR', // GeoJSON decoded from the topology; NULL for a commune contained in another
    contained_in: 'VARCHAR',
    geometry_source: 'VARCHAR NOT NULL', geometry_millesime: 'INTEGER', cog_millesime: 'INTEGER NOT NULL',
  }, { primaryKey: ['code'] }),
  // The arrondissements municipaux of Paris, Lyon and Marseille, with their own population (COG; they add up
  // to their commune's, checked by the build). CPTS lists name them: a city divided between CPTS by
  // arrondissement is counted by arrondissement. `geometry`: their contour when the geography has one — the
  // commune contours used (Etalab / IGN ADMIN EXPRESS COG, harmonised) dissolve them, so it is NULL and they are
  // drawn with their commune's polygon.
  defineTable('arrondissements_municipaux', {
    code: 'VARCHAR', nom: 'VARCHAR NOT NULL', commune: 'VARCHAR NOT NULL', population: 'INTEGER NOT NULL', codes_postaux: 'VARCHAR[] NOT NULL',
    geometry: 'VARCHAR',
  }, { primaryKey: ['code'] }),
  defineTable('commune_passage', { old_code: 'VARCHAR', code: 'VARCHAR NOT NULL', relation: 'VARCHAR NOT NULL', old_nom: 'VARCHAR' }, { primaryKey: ['old_code'] }),
  defineTable('tiles', { z: 'INTEGER', x: 'INTEGER', y: 'INTEGER', data: 'BLOB NOT NULL' }, { primaryKey: ['z', 'x', 'y'] }),
  // The départements and régions layers alone: what the France and région views draw below zoom 7,
  // without the commune polygons that weigh most of a low-zoom tile (fetched only by the layers that need them).
  defineTable('boundary_tiles', { z: 'INTEGER', x: 'INTEGER', y: 'INTEGER', data: 'BLOB NOT NULL' }, { primaryKey: ['z', 'x', 'y'] }),
];
