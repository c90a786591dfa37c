/**
 * `npm run bench [-- name…]`: runs the benchmark modules of scripts/bench/ (seeded, real data,
 * outputs checked before timing) and prints median, spread and ratios. Not a test: it never fails
 * CI, but exits 1 when a target is missed so a person notices.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchModule } from './bench/harness';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
let allMet = true;
for (const file of files) {
  const mod = (await import(join(dir, file))).default as BenchModule;
  if (wanted.length > 0 && !wanted.includes(mod.name)) continue;
  console.log(`\n## ${mod.name}`);
  try {
    const met = await mod.run((line) => console.log(line));
    allMet &&= met;
  } catch (err) {
    allMet = false;
    console.log(`✘ ${mod.name} a échoué : ${(err as Error).stack ?? err}`);
  }
}
console.log(allMet ? '\nToutes les cibles sont atteintes.' : '\nAu moins une cible est manquée (voir ✘ ci-dessus).');
process.exit(allMet ? 0 : 1);
