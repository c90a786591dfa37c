/**
 * One run of the build's national FINESS step, in its own process (for /usr/bin/time): argv
 * `<database> <cache folder>`; prints the step's line and its counts as JSON on the last line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNationalFiness, describeNationalFiness } from '../../build/national-finess';

const [dbPath, cacheDir] = process.argv.slice(2);
const load = await loadNationalFiness(dbPath!, cacheDir!, JSON.parse(readFileSync(join(cacheDir!, 'sources.json'), 'utf8')));
console.log(describeNationalFiness(load));
console.log(JSON.stringify(load));
