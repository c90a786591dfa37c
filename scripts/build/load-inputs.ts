/** Reads the cached inputs of one millésime (written by the download step). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCogLists, type CogLists } from '../../server/src/ingest/cog-lists';
import { readContours, type ContourFeature } from '../../server/src/ingest/contours';
import { readJsonFile } from '../../server/src/lib/gzip-json';
import type { SourcesRecord } from '../download/download';

export interface BuildInputs {
  millesime: number;
  sources: SourcesRecord;
  cog: CogLists;
  communeContours: ContourFeature[];
  departementContours: ContourFeature[];
  regionContours: ContourFeature[];
  /** Codes the geometry source documents as having no polygon of their own. */
  documentedWithoutPolygon: Set<string>;
}

function cached(dir: string, sources: SourcesRecord, name: string, optional = false): string | null {
  const entry = sources.files.find((f) => f.file === name || f.file === `${name}.gz`);
  if (!entry) {
    if (optional) return null;
    throw new Error(`Entrée « ${name} » absente du cache ${dir} : lancez d'abord « npm run download »`);
  }
  return join(dir, entry.file);
}

export function loadInputs(cacheDir: string): BuildInputs {
  const recordPath = join(cacheDir, 'sources.json');
  if (!existsSync(recordPath)) {
    throw new Error(`Cache absent (${recordPath}) : lancez « npm run download » (avec GEODATA_MIRROR hors ligne)`);
  }
  const sources = JSON.parse(readFileSync(recordPath, 'utf8')) as SourcesRecord;
  const withoutPolygonPath = cached(cacheDir, sources, 'contours/communes-sans-polygone.json', true);
  const documented = withoutPolygonPath ? readJsonFile<{ code: string }[]>(withoutPolygonPath) : [];
  return {
    millesime: sources.millesime,
    sources,
    cog: readCogLists(join(cacheDir, 'cog')),
    communeContours: readContours(cached(cacheDir, sources, 'contours/communes.geojson')!),
    departementContours: readContours(cached(cacheDir, sources, 'contours/departements.geojson')!),
    regionContours: readContours(cached(cacheDir, sources, 'contours/regions.geojson')!),
    documentedWithoutPolygon: new Set(documented.map((d) => d.code)),
  };
}
