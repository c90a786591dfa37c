/** Where the data pipeline reads and writes, relative to the repository root. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_MILLESIME = 2026;

export function geodataDir(): string {
  return resolve(process.env.GEODATA_DIR ?? join(REPO_ROOT, 'geodata'));
}

export function cacheDir(millesime: number, root = geodataDir()): string {
  return join(root, 'cache', String(millesime));
}
