/**
 * The offline, deterministic data build: cached inputs → topology, Parquet tables, vector tiles,
 * manifest and the DuckDB database. Stops with an InvariantError on any broken invariant.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCommuneTopology, indexCommuneGeometries } from '../../server/src/geo/commune-topology';
import { dissolveCommunes } from '../../server/src/geo/dissolve';
import { roundGeometry } from '../../server/src/geo/commune-topology';
import { GEOGRAPHY_SCHEMA_VERSION, GEOGRAPHY_SPECS } from '../../server/src/db/geography-schema';
import { CARE_SCHEMA_VERSION, CARE_SPECS } from '../../server/src/db/care-schema';
import { careOfferTables } from './care-offer';
import { officialIndicatorTables } from './official-indicators';
import { OFFICIAL_SPECS } from '../../server/src/db/official-schema';
import { replayImports } from './replay-imports';
import { describeNationalFiness, loadNationalFiness } from './national-finess';
import { arrondissementRows } from './arrondissements-table';
import { currentVersionPath, versionStore } from '../../server/src/db/data-versions';
import { createProgress, type Progress } from '../lib/progress';
import { loadInputs } from './load-inputs';
import { joinCommunes } from './join-communes';
import { communeRows } from './communes-table';
import { checkPopulations, territoryRows } from './territories-tables';
import { cutTiles } from './vector-tiles';
import { communeTileInputs } from './commune-tile-inputs';
import { checkTileBudget, DEFAULT_LIGHT_TILE_BUDGET, DEFAULT_TILE_BUDGET, formatDistribution, sizeTiles, tileDistribution, type TileBudget } from './tile-budget';
import { loadDatabase, writeParquetTables, type TableRows } from './write-outputs';

export interface BuildOptions {
  cacheDir: string;
  outDir: string;
  /** Restrict to these régions (codes); all of métropole + DROM when empty. */
  regions?: string[];
  tilesMaxZoom?: number;
  /** Tile size limits (default: 500 kB raw per tile, 50 kB gzip median for zooms 0–9). */
  tileBudget?: TileBudget;
  /** The light tile set's (départements and régions alone): DEFAULT_LIGHT_TILE_BUDGET. */
  lightTileBudget?: TileBudget;
  quiet?: boolean;
  progress?: Progress;
  /** Archive of accepted imports (`geodata/imports`): its journal is replayed on the new database. */
  importsDir?: string;
}

export interface BuildSummary {
  millesime: number;
  regions: string[];
  communes: number;
  population: number;
  attached: string[];
  tiles: number;
  dbPath: string;
  topologyPath: string;
  manifestPath: string;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export async function buildGeodata(opts: BuildOptions): Promise<BuildSummary> {
  const progress = opts.progress ?? createProgress({ quiet: opts.quiet });
  const regions = [...(opts.regions ?? [])].sort();
  const inputs = await progress.step('Lecture des entrées', () => loadInputs(opts.cacheDir), (i) =>
    `${i.cog.communes.length} communes au COG ${i.millesime}, ${i.communeContours.length} contours de communes`);

  const communeSource = inputs.sources.files.find((f) => f.file.startsWith('contours/communes.geojson'))!;
  const joined = await progress.step('Jointure COG × contours et contrôles', () =>
    joinCommunes(inputs.cog.communes, inputs.communeContours, {
      regions,
      documentedWithoutPolygon: inputs.documentedWithoutPolygon,
      defaultGeometrySource: communeSource.producer,
      defaultGeometryMillesime: inputs.millesime,
    }), (j) => `${j.length} communes, dont ${j.filter((c) => !c.geometry).length} contenues dans une autre`);

  const topology = await progress.step('Topologie quantifiée', () =>
    buildCommuneTopology(joined.filter((j) => j.geometry).map((j) => ({ code: j.cog.code, geometry: j.geometry! }))),
  (t) => `${t.objects.communes.geometries.length} polygones, ${t.arcs.length} arcs`);

  const bar = progress.bar('communes', joined.length);
  const { rows, geometries } = await progress.step('Géométries, surfaces et points d\'étiquette', () =>
    communeRows(joined, topology, inputs.millesime, bar), (r) => `${r.rows.length} communes`);

  await progress.step('Contrôle des populations', () => checkPopulations(inputs.cog, rows, inputs.communeContours),
    () => `${rows.reduce((s, r) => s + r.population, 0)} habitants`);
  const territories = await progress.step('Régions, départements, EPCI', () =>
    territoryRows(inputs.cog, rows, inputs.departementContours, inputs.regionContours),
  (t) => `${t.regions.length} régions, ${t.departements.length} départements, ${t.epci.length} EPCI`);

  const index = indexCommuneGeometries(topology);
  const groupBy = (key: 'departement' | 'region') => {
    const groups = new Map<string, string[]>();
    for (const r of rows) if (r.geometry) (groups.get(r[key]) ?? groups.set(r[key], []).get(r[key])!).push(r.code);
    return groups;
  };
  const dissolved = (key: 'departement' | 'region', names: Map<string, string>) =>
    [...groupBy(key)].map(([code, codes]) => ({
      type: 'Feature' as const, properties: { code, nom: names.get(code) ?? code },
      geometry: roundGeometry(dissolveCommunes(topology, index, codes)),
    }));
  const generalisation: string[] = [];
  let tileBar: ((done: number) => void) | null = null;
  let tileTotal = 0;
  const boundaryLayers = [
    { name: 'departements', features: dissolved('departement', new Map(territories.departements.map((d) => [d.code, d.nom]))) },
    { name: 'regions', features: dissolved('region', new Map(territories.regions.map((d) => [d.code, d.nom]))) },
  ];
  const tiles = await progress.step('Tuiles vectorielles', () => cutTiles([
    ...communeTileInputs(rows, geometries, topology, index, {
      maxCommuneLayerBytes: (opts.tileBudget ?? DEFAULT_TILE_BUDGET).maxRawBytes * 0.9,
      onZoom: (z, minAreaPx, kept) => generalisation.push(`z${z} : ${kept} communes (≥ ${minAreaPx} px²)`),
    }),
    {
      name: 'communes_labels', minZoom: 8,
      features: rows.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.label_lon, r.label_lat] }, properties: { code: r.code, nom: r.nom, population: r.population } })),
    },
    ...boundaryLayers,
  ], { maxZoom: opts.tilesMaxZoom ?? 9 }, (done, total) => {
    tileTotal = total;
    tileBar ??= progress.bar('tuiles', total);
    tileBar(done);
  }), (t) => `${t.length} tuiles (sur ${tileTotal} emplacements), ${(t.reduce((s, x) => s + x.data.length, 0) / 1e6).toFixed(1)} Mo`);
  // The same départements and régions alone (routes/tiles.ts, `/tiles/limites/…`): the views below zoom 7 need no commune polygon.
  const boundaryTiles = await progress.step('Tuiles des limites (départements, régions)', () => cutTiles(boundaryLayers, { maxZoom: opts.tilesMaxZoom ?? 9 }),
    (t) => `${t.length} tuiles, ${(t.reduce((s, x) => s + x.data.length, 0) / 1e6).toFixed(1)} Mo`);
  const sized = sizeTiles(tiles);
  if (!opts.quiet) {
    console.log(`    généralisation des communes : ${generalisation.join(', ')}`);
    for (const line of formatDistribution(tileDistribution(sized))) console.log(`    ${line}`);
  }
  checkTileBudget(sized, opts.tileBudget);
  checkTileBudget(sizeTiles(boundaryTiles), opts.lightTileBudget ?? DEFAULT_LIGHT_TILE_BUDGET, 'tuiles des limites (départements, régions)');

  mkdirSync(opts.outDir, { recursive: true });
  const topologyPath = join(opts.outDir, 'communes.topo.json');
  const topologyText = JSON.stringify(topology);
  writeFileSync(topologyPath, topologyText);

  const datasets = inputs.sources.files.map((f) => ({
    id: f.file, title: f.originalName ?? f.file, producer: f.producer, licence: f.licence, millesime: String(inputs.millesime), origin: f.origin, sha256: f.sha256,
    date: f.date ?? null,
  }));
  const meta = {
    millesime: String(inputs.millesime),
    schema_version: String(GEOGRAPHY_SCHEMA_VERSION),
    care_schema_version: String(CARE_SCHEMA_VERSION),
    scope: regions.length > 0 ? regions.join(',') : 'france',
    population_source: 'INSEE, population municipale légale (via @etalab/decoupage-administratif)',
    geometry_source: communeSource.producer,
    topology_sha256: sha256(topologyText),
    // The tile set's version: tile URLs carry it, so tiles can be cached for good (routes/tiles.ts).
    tiles_sha256: sha256(Buffer.concat([...tiles, ...boundaryTiles].map((t) => t.data))),
    communes: String(rows.length),
    // Incremented by every import (same transaction); the analyses cache their results on it.
    data_version: '1',
  };
  const communeCodes = new Set(rows.map((r) => r.code));
  const tables: TableRows = {
    meta: Object.entries(meta).map(([key, value]) => ({ key, value })),
    datasets,
    regions: territories.regions as never,
    departements: territories.departements as never,
    epci: territories.epci as never,
    communes: rows as never,
    arrondissements_municipaux: arrondissementRows(inputs.cog.arrondissements, rows) as never,
    commune_passage: inputs.cog.passage
      .filter((p) => regions.length === 0 || communeCodes.has(p.code))
      .map((p) => ({ old_code: p.oldCode, code: p.code, relation: p.relation, old_nom: p.oldNom })),
    // Stored gzipped (deterministic: no time in the header) and sent as they are (routes/tiles.ts).
    tiles: tiles.map((t) => ({ z: t.z, x: t.x, y: t.y, data_b64: gzipSync(t.data, { level: 9 }).toString('base64') })),
    boundary_tiles: boundaryTiles.map((t) => ({ z: t.z, x: t.x, y: t.y, data_b64: gzipSync(t.data, { level: 9 }).toString('base64') })),
  };
  const care = await progress.step('Offre de soins par défaut', () => careOfferTables({
    cacheDir: opts.cacheDir, communes: rows, epci: territories.epci, topology, passage: new Map(inputs.cog.passage.map((p) => [p.oldCode, p.code])),
  }),
    (t) => CARE_SPECS.map((s) => `${t[s.name]?.length ?? 0} ${s.name}`).join(', '));
  const official = await progress.step('Indicateurs officiels (baromètre de l\'action publique)', () => officialIndicatorTables(opts.cacheDir),
    (t) => `${t.official_indicator_defs.length} indicateurs, ${t.official_indicators.length} valeurs datées`);
  const specs = [...GEOGRAPHY_SPECS, ...CARE_SPECS, ...OFFICIAL_SPECS];
  const parquet = await progress.step('Tables Parquet', () => writeParquetTables(specs, { ...tables, ...care, ...(official as unknown as TableRows) }, join(opts.outDir, 'tables')),
    () => `${specs.length} tables`);

  const dbPath = join(opts.outDir, 'maillage.duckdb');
  // With imports to replay, the database is completed aside and renamed only once they all apply.
  const loadPath = opts.importsDir ? `${dbPath}.replay` : dbPath;
  await progress.step('Base DuckDB', () => loadDatabase(specs, parquet, loadPath), () => dbPath);
  try {
    await progress.step('Extraction FINESS nationale', () => loadNationalFiness(loadPath, opts.cacheDir, inputs.sources), describeNationalFiness);
  } catch (err) {
    if (loadPath !== dbPath) rmSync(loadPath, { force: true });
    throw err;
  }
  if (opts.importsDir) {
    try {
      // The journal agrees with the version last served (with data versions, imports since the last build live only there).
      const previous = currentVersionPath(versionStore(dbPath));
      await progress.step('Rejeu des imports archivés', () => replayImports(loadPath, opts.importsDir!, previous), (n) => `${n} import(s)`);
    } catch (err) {
      rmSync(loadPath, { force: true });
      throw err;
    }
    renameSync(loadPath, dbPath);
  }

  // Data versions written by imports since the last build are superseded: the new database replays their imports.
  rmSync(join(opts.outDir, 'versions'), { recursive: true, force: true });

  const manifestPath = join(opts.outDir, 'manifest.json');
  const outputs = Object.fromEntries([
    ['communes.topo.json', sha256(topologyText)],
    ...specs.map((t) => [`tables/${t.name}.parquet`, sha256(readFileSync(parquet[t.name]!))]),
  ]);
  writeFileSync(manifestPath, `${JSON.stringify({ millesime: inputs.millesime, scope: meta.scope, inputs: datasets.map((d) => ({ file: d.id, sha256: d.sha256 })), outputs }, null, 2)}\n`);

  return {
    millesime: inputs.millesime,
    regions,
    communes: rows.length,
    population: rows.reduce((s, r) => s + r.population, 0),
    attached: rows.filter((r) => r.contained_in).map((r) => r.code),
    tiles: tiles.length,
    dbPath,
    topologyPath,
    manifestPath,
  };
}
