/**
 * Target of the care-offer issue: importing a 100,000-record FINESS-layout file ≤ 15 s on 2 cores
 * and ≤ 1 GB of memory. The file is generated (seeded) from the France database's communes; the
 * import runs as a user runs it — `npm run import` in its own process, on a fresh copy of the
 * database each time — timed with its peak memory (/usr/bin/time). The output is checked first.
 * For comparison, the same file read alone (parsing, reprojection) in this process.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/src/db/connection';
import { readFiness } from '../../server/src/ingest/read-finess';
import { geodataDir, REPO_ROOT } from '../lib/paths';
import { formatTiming, summarise, time, type BenchModule } from './harness';
import { syntheticFiness, type SyntheticCommune } from './finess/synthetic-finess';

const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const RECORDS = 100_000;
const TARGET_MS = 15_000;
const TARGET_MB = 1024;

function importOnce(dbFile: string, file: string): { ms: number; maxRssMb: number; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-import-'));
  copyFileSync(dbFile, join(dir, 'maillage.duckdb'));
  try {
    const t0 = performance.now();
    const res = spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M', TSX, 'scripts/import.ts', 'finess', file], {
      cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, GEODATA_DIR: dir, MAILLAGE_DB: join(dir, 'maillage.duckdb') },
    });
    const ms = performance.now() - t0;
    if (res.status !== 0) throw new Error(`L'import a échoué : ${res.stdout.slice(-1500)}${res.stderr.slice(-1500)}`);
    return { ms, maxRssMb: Number(/maxrss_kb=(\d+)/.exec(res.stderr)?.[1]) / 1024, stdout: res.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: BenchModule = {
  name: 'import-finess',
  async run(log) {
    const dbFile = join(geodataDir(), 'maillage.duckdb');
    const db = await openDatabase(dbFile, { readOnly: true });
    const communes = await db.all<SyntheticCommune>(
      'SELECT code, departement, label_lon AS lon, label_lat AS lat FROM communes WHERE geometry IS NOT NULL ORDER BY code',
    );
    db.close();
    if (communes.length < 34_000) throw new Error(`Base France attendue (${communes.length} communes) : lancez « npm run setup ».`);
    const synthetic = syntheticFiness(communes, RECORDS, 20261123);
    const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-finess-'));
    const file = join(dir, 'etalab-cs1100507-stock-synthetique.csv');
    writeFileSync(file, synthetic.bytes);
    log(`Fichier : ${RECORDS} établissements, ${(synthetic.bytes.length / 1e6).toFixed(1)} Mo, ${synthetic.kept} de catégories retenues (${synthetic.withoutPosition} sans géolocalisation)`);

    // Check the output before timing anything.
    const check = importOnce(dbFile, file);
    const accepted = Number(/Import appliqué : (\d+) ligne\(s\) sur (\d+)/.exec(check.stdout)?.[1]);
    if (accepted !== synthetic.kept || !check.stdout.includes(`sans géolocalisation (point de la commune) : ${synthetic.withoutPosition}`)) {
      throw new Error(`Import inattendu (${accepted} retenus, ${synthetic.kept} attendus) :\n${check.stdout.slice(0, 2000)}`);
    }

    const runs = [check, ...Array.from({ length: 4 }, () => importOnce(dbFile, file))];
    const timing = summarise(`npm run import finess (${RECORDS / 1000} k enregistrements)`, runs.map((r) => r.ms));
    const peak = Math.max(...runs.map((r) => r.maxRssMb));
    log(formatTiming(timing, { maxMs: TARGET_MS }));
    log(`${'Mémoire maximale de l\'import'.padEnd(52)} ${peak.toFixed(0)} Mo${peak <= TARGET_MB ? `  ✔ cible ≤ ${TARGET_MB} Mo` : `  ✘ cible ≤ ${TARGET_MB} Mo MANQUÉE`}`);
    const read = await time('lecture seule (readFiness, même processus)', () => {
      const r = readFiness(synthetic.bytes);
      if (r.establishments.length !== synthetic.kept) throw new Error('lecture incomplète');
    }, { runs: 3, warmup: 1 });
    log(formatTiming(read));
    rmSync(dir, { recursive: true, force: true });
    return timing.medianMs <= TARGET_MS && peak <= TARGET_MB;
  },
};

export default bench;
