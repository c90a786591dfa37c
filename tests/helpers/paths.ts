/** Locations the tests read: the downloaded inputs, the built France data, the mirror. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const GEODATA = resolve(process.env.GEODATA_DIR ?? join(REPO, 'geodata'));
export const INPUT_CACHE = join(GEODATA, 'cache', '2026');
export const FRANCE_DB = join(GEODATA, 'maillage.duckdb');
export const FRANCE_TOPOLOGY = join(GEODATA, 'communes.topo.json');
/** The regions of the fixture database: Réunion, Île-de-France, Pays de la Loire, Occitanie. */
export const FIXTURE_REGIONS = ['04', '11', '52', '76'];

export function mirrorDir(): string | null {
  const candidates = [process.env.GEODATA_MIRROR, join(REPO, '../shared/geodata-src')].filter(Boolean) as string[];
  return candidates.map((c) => resolve(c)).find((c) => existsSync(c)) ?? null;
}

export function requireBuiltFrance(): void {
  if (!existsSync(FRANCE_DB)) {
    throw new Error(`Données France absentes (${FRANCE_DB}) : lancez « npm run setup » avant « npm test ».`);
  }
}
