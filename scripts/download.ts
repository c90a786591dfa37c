/** CLI: `npm run download -- [--millesime 2026] [--force]`; honours GEODATA_MIRROR. */
import { download } from './download/download';
import { cacheDir, DEFAULT_MILLESIME } from './lib/paths';
import { parseArgs } from './lib/cli-args';

try {
  const args = parseArgs(process.argv.slice(2), { millesime: 'string', force: 'boolean' });
  const millesime = Number(args.millesime ?? DEFAULT_MILLESIME);
  if (!Number.isInteger(millesime)) throw new Error(`Millésime invalide : ${args.millesime}`);
  const mirror = process.env.GEODATA_MIRROR || undefined;
  const dir = cacheDir(millesime);
  console.error(`Téléchargement du millésime ${millesime} vers ${dir} ${mirror ? `depuis le miroir ${mirror}` : 'depuis les sources officielles'}`);
  const record = await download({ millesime, cacheDir: dir, mirror, force: Boolean(args.force), log: (l) => console.error(l) });
  console.error(`${record.files.length} fichiers en cache.`);
} catch (err) {
  console.error(`Échec du téléchargement : ${(err as Error).message}`);
  process.exit(1);
}
