/** CLI: `npm run build:data -- [--millesime 2026] [--regions 52,76] [--out geodata]`. */
import { join } from 'node:path';
import { buildGeodata } from './build/build-geodata';
import { InvariantError } from './build/invariant-error';
import { cacheDir, DEFAULT_MILLESIME, geodataDir } from './lib/paths';
import { parseArgs } from './lib/cli-args';

try {
  const args = parseArgs(process.argv.slice(2), { millesime: 'string', regions: 'string', out: 'string' });
  const millesime = Number(args.millesime ?? DEFAULT_MILLESIME);
  const regions = typeof args.regions === 'string' ? args.regions.split(',').map((r) => r.trim()).filter(Boolean) : [];
  const out = typeof args.out === 'string' ? args.out : geodataDir();
  const t0 = Date.now();
  // The imports archived next to the database (<out>/imports) are replayed on it: a rebuild loses none.
  const summary = await buildGeodata({ cacheDir: cacheDir(millesime, geodataDir()), outDir: out, regions, importsDir: join(out, 'imports') });
  console.error(
    `Construction terminée en ${((Date.now() - t0) / 1000).toFixed(1)} s : ${summary.communes} communes, ` +
      `${summary.population} habitants, ${summary.tiles} tuiles → ${summary.dbPath}`,
  );
} catch (err) {
  if (err instanceof InvariantError) console.error(`\nÉchec de la construction.\n${err.message}`);
  else console.error(`\nÉchec de la construction : ${(err as Error).stack ?? err}`);
  process.exit(1);
}
