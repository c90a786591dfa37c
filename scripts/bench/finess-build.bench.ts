/**
 * Target of issue 20: the national FINESS extraction (~100 000 establishments) loads in the build
 * in ≤ 15 s on 2 cores and ≤ 1 GB of memory. A seeded file of 100 000 records in the official
 * layout is generated from the France database's communes and cached as the download step caches
 * it (sources.json with its date); the build's step (scripts/build/national-finess.ts: the import
 * path, then the curated MSP/CDS replaced and their lists declared complete) runs in its own process
 * on a fresh copy of the database each time, timed with its peak memory (/usr/bin/time). The output
 * is checked first: every kept establishment written, every département declared complete.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/src/db/connection';
import type { SourcesRecord } from '../download/download';
import { FINESS_CACHE_NAME } from '../download/sources';
import { geodataDir, REPO_ROOT } from '../lib/paths';
import { formatTiming, summarise, type BenchModule } from './harness';
import { syntheticFiness, type SyntheticCommune } from './finess/synthetic-finess';

const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const RECORDS = 100_000;
const TARGET_MS = 15_000;
const TARGET_MB = 1024;
const RUNS = 3;

interface Load { rowsAccepted: number; departements: string[] }

function loadOnce(dbFile: string, cacheDir: string): { ms: number; maxRssMb: number; load: Load } {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-national-'));
  const db = join(dir, 'maillage.duckdb');
  copyFileSync(dbFile, db);
  try {
    const t0 = performance.now();
    const res = spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M', TSX, 'scripts/bench/finess/load-national-once.ts', db, cacheDir], { cwd: REPO_ROOT, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (res.status !== 0) throw new Error(`Le chargement a échoué : ${res.stdout.slice(-1500)}${res.stderr.slice(-1500)}`);
    const lines = res.stdout.trim().split('\n');
    return { ms, maxRssMb: Number(/maxrss_kb=(\d+)/.exec(res.stderr)?.[1]) / 1024, load: JSON.parse(lines.at(-1)!) as Load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: BenchModule = {
  name: 'build-finess',
  async run(log) {
    const dbFile = join(geodataDir(), 'maillage.duckdb');
    const db = await openDatabase(dbFile, { readOnly: true });
    const communes = await db.all<SyntheticCommune>(
      'SELECT code, departement, label_lon AS lon, label_lat AS lat FROM communes WHERE geometry IS NOT NULL ORDER BY code',
    );
    const national = await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM imports WHERE kind = 'finess'");
    db.close();
    if (communes.length < 34_000) throw new Error(`Base France attendue (${communes.length} communes) : lancez « npm run setup ».`);
    if (national[0]!.n > 0) throw new Error('La base France contient déjà une extraction FINESS : construisez-la sans finess-etalab/ pour ce banc.');
    const synthetic = syntheticFiness(communes, RECORDS, 20261123);
    const cacheDir = mkdtempSync(join(tmpdir(), 'maillage-bench-finess-cache-'));
    mkdirSync(join(cacheDir, 'finess'));
    writeFileSync(join(cacheDir, FINESS_CACHE_NAME), synthetic.bytes);
    const record: SourcesRecord = {
      millesime: 2026, mode: 'mirror', files: [{
        file: FINESS_CACHE_NAME, origin: 'banc:synthétique', producer: 'banc', licence: '-', bytes: synthetic.bytes.length,
        sha256: createHash('sha256').update(synthetic.bytes).digest('hex'), date: '2026-05-12', originalName: 'etalab-cs1100507-stock-20260512-0000.csv',
      }],
    };
    writeFileSync(join(cacheDir, 'sources.json'), JSON.stringify(record));
    log(`Fichier : ${RECORDS} établissements, ${(synthetic.bytes.length / 1e6).toFixed(1)} Mo, ${synthetic.kept} de catégories retenues`);

    const check = loadOnce(dbFile, cacheDir);
    const departements = new Set(communes.map((c) => c.departement));
    if (check.load.rowsAccepted !== synthetic.kept || check.load.departements.length !== departements.size) {
      throw new Error(`Chargement inattendu : ${check.load.rowsAccepted} retenus (${synthetic.kept} attendus), ${check.load.departements.length} départements (${departements.size} attendus)`);
    }
    const runs = [check, ...Array.from({ length: RUNS - 1 }, () => loadOnce(dbFile, cacheDir))];
    const timing = summarise(`construction : extraction FINESS nationale (${RECORDS / 1000} k)`, runs.map((r) => r.ms));
    const peak = Math.max(...runs.map((r) => r.maxRssMb));
    log(formatTiming(timing, { maxMs: TARGET_MS }));
    log(`${'Mémoire maximale de l\'étape'.padEnd(52)} ${peak.toFixed(0)} Mo${peak <= TARGET_MB ? `  ✔ cible ≤ ${TARGET_MB} Mo` : `  ✘ cible ≤ ${TARGET_MB} Mo MANQUÉE`}`);
    rmSync(cacheDir, { recursive: true, force: true });
    return timing.medianMs <= TARGET_MS && peak <= TARGET_MB;
  },
};

export default bench;
