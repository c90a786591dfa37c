/**
 * Build step: the official reference indicators (baromètre de l'action publique) from the cached
 * official files (`cache/<millésime>/barometre/`), into `official_indicators` and
 * `official_indicator_defs`. All territories of the files are kept whatever the build's scope: the
 * France and région figures are the official ones even in a build of a few régions. Empty when
 * the cache holds no baromètre file (the build says so).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIndicatorDefs, readIndicatorValues, type OfficialDefRow, type OfficialValueRow } from '../../server/src/ingest/read-barometre';
import { BAROMETRE_INDICATORS } from '../download/sources';
import { InvariantError } from './invariant-error';

export function officialIndicatorTables(cacheDir: string): { official_indicators: OfficialValueRow[]; official_indicator_defs: OfficialDefRow[] } {
  const dir = join(cacheDir, 'barometre');
  const files = BAROMETRE_INDICATORS.map((n) => ({ id: `IND-${n}`, file: `ind-${n}.csv` })).filter((f) => existsSync(join(dir, f.file)));
  if (files.length === 0) return { official_indicators: [], official_indicator_defs: [] };
  const values = files.flatMap((f) => readIndicatorValues(readFileSync(join(dir, f.file), 'utf8'), f.file));
  const fileOf = new Map(files.map((f) => [f.id, f.file]));
  const defs = readIndicatorDefs(
    readFileSync(join(dir, 'meta_indicateurs.csv'), 'utf8'), readFileSync(join(dir, 'meta_chantiers.csv'), 'utf8'), (id) => fileOf.get(id) ?? '',
  ).filter((d) => fileOf.has(d.indicator));
  const problems = [
    ...files.filter((f) => !defs.some((d) => d.indicator === f.id)).map((f) => `${f.file} : indicateur ${f.id} absent de meta_indicateurs.csv`),
    ...values.filter((v) => !fileOf.has(v.indicator)).map((v) => `ligne ${v.indicator} ${v.territory} ${v.date} hors de son fichier`),
  ];
  if (problems.length > 0) throw new InvariantError('indicateurs officiels', problems);
  return { official_indicators: values, official_indicator_defs: defs };
}
