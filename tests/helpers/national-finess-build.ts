/**
 * Builds of Corse and La Réunion (régions 94 and 04) by the steps of `npm run setup` that read the
 * mirror — `download`, then the offline build — from a mirror that links the real one's folders
 * and, for `withFiness`, holds in `finess-etalab/` a national extraction of 100 000 records in the
 * official layout, generated from the France communes (the benchmarks' generator). Most of that
 * national file lies outside these two régions; `lines` is the file read here, line by line,
 * independently of the importer.
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGeodata } from '../../scripts/build/build-geodata';
import { syntheticFiness, type SyntheticCommune } from '../../scripts/bench/finess/synthetic-finess';
import { download, type SourcesRecord } from '../../scripts/download/download';
import { openDatabase } from '../../server/src/db/connection';
import { FRANCE_DB, mirrorDir, requireBuiltFrance } from './paths';
import { reducedCache } from './reduced-cache';

export const NATIONAL_DATE = '2026-05-12';
export const NATIONAL_FILE = 'etalab-cs1100507-stock-20260512-0339.csv';
export const NATIONAL_DEPS = ['2A', '2B', '974'];

export interface NationalLine { et: string; departement: string; commune: string; category: string; telephone: string | null; geolocated: boolean }

export function readNationalLines(bytes: Buffer): NationalLine[] {
  const overseas: Record<string, string> = { '9A': '971', '9B': '972', '9C': '973', '9D': '974', '9F': '976' };
  const text = bytes.toString('latin1').split('\n');
  const geolocated = new Set(text.filter((l) => l.startsWith('geolocalisation;')).map((l) => l.split(';')[1]!));
  return text.filter((l) => l.startsWith('structureet;')).map((l) => {
    const f = l.split(';');
    const departement = overseas[f[13]!] ?? f[13]!;
    return { et: f[1]!, departement, commune: departement.slice(0, 2) + f[12]!, category: f[18]!, telephone: f[16] || null, geolocated: geolocated.has(f[1]!) };
  });
}

export interface NationalBuild { record: SourcesRecord; out: string }

async function buildFrom(mirror: string, prefix: string): Promise<NationalBuild> {
  const cache = mkdtempSync(join(tmpdir(), `${prefix}-cache-`));
  const record = await download({ millesime: 2026, cacheDir: cache, mirror });
  const out = mkdtempSync(join(tmpdir(), `${prefix}-out-`));
  await buildGeodata({ cacheDir: reducedCache(cache, NATIONAL_DEPS), outDir: out, regions: ['04', '94'], quiet: true, importsDir: join(out, 'imports') });
  return { record, out };
}

function linkedMirror(prefix: string): string {
  const real = mirrorDir();
  if (!real) throw new Error('Miroir des données absent (GEODATA_MIRROR ou ../shared/geodata-src) : impossible de construire.');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of readdirSync(real)) symlinkSync(join(real, name), join(dir, name));
  return dir;
}

export async function nationalFinessBuilds({ alsoWithout }: { alsoWithout: boolean }) {
  requireBuiltFrance();
  const france = await openDatabase(FRANCE_DB, { readOnly: true });
  const communes = await france.all<SyntheticCommune>('SELECT code, departement, label_lon AS lon, label_lat AS lat FROM communes WHERE geometry IS NOT NULL ORDER BY code');
  france.close();
  const file = syntheticFiness(communes, 100_000, 20, { date: NATIONAL_DATE }).bytes;
  const holding = linkedMirror('maillage-miroir-finess-');
  mkdirSync(join(holding, 'finess-etalab'));
  writeFileSync(join(holding, 'finess-etalab', NATIONAL_FILE), file);
  const without = alsoWithout ? await buildFrom(linkedMirror('maillage-miroir-'), 'maillage-sans-finess') : null;
  const withFiness = await buildFrom(holding, 'maillage-finess');
  return { file, lines: readNationalLines(file), withFiness, without };
}
