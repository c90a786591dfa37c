/**
 * Build step: the national FINESS extraction, when the download step cached one, loaded into the
 * database just built through the one import path (run-import.ts, the code of `npm run import --
 * finess`), dated by the extraction (its import's id and day are the extraction's: the same file
 * gives the same rows). Then, in the départements it covers, the curated MSP and centres de santé
 * give way to it and their list is declared complete « au <date of the extraction> » (list
 * `msp-cds`): FINESS is authoritative for those two categories, not for the MMG (recognised by a
 * label, hours absent) nor for CPTS perimeters. Absent file: nothing happens, the build is as before.
 * A file that cannot be read stops the build (the database is not replaced).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { replaceRows } from '../../server/src/db/care-write-queries';
import { openDatabase } from '../../server/src/db/connection';
import { removeDefaultStructures } from '../../server/src/db/default-offer-queries';
import { importedDepartements } from '../../server/src/db/import-territory-queries';
import { runImport } from '../../server/src/imports/run-import';
import type { SourcesRecord } from '../download/download';
import { FINESS_CACHE_NAME } from '../download/sources';
import { InvariantError } from './invariant-error';

/** Who the journal and the declarations name for this step. */
export const NATIONAL_FINESS_AUTHOR = 'construction des données (extraction FINESS nationale)';
/** The categories the extraction is authoritative for. */
export const FINESS_COMPLETE_KINDS = ['MSP', 'CDS'];

export interface NationalFinessLoad {
  importId: string;
  /** AAAA-MM-JJ of the extraction (its banner). */
  date: string;
  fileName: string;
  status: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Départements the extraction covers (it wrote rows there), declared complete for MSP and CDS. */
  departements: string[];
  /** Curated MSP and CDS rows removed (not in the extraction). */
  defaultRowsRemoved: number;
  summary: Record<string, number>;
}

export async function loadNationalFiness(dbPath: string, cacheDir: string, sources: SourcesRecord): Promise<NationalFinessLoad | null> {
  const entry = sources.files.find((f) => f.file === FINESS_CACHE_NAME || f.file === `${FINESS_CACHE_NAME}.gz`);
  if (!entry) return null;
  const fileName = entry.originalName ?? 'etalab-cs1100507-stock.csv';
  if (!entry.date) {
    throw new InvariantError('extraction FINESS nationale', [
      `${fileName} : date d'extraction absente (la première ligne doit être « finess;etalab;<n>;AAAA-MM-JJ »). `
        + 'Sans date, ni ses lignes ni « liste complète au … » ne peuvent être datées : remplacez le fichier par celui de data.gouv.fr.',
    ]);
  }
  const raw = readFileSync(join(cacheDir, entry.file));
  const bytes = entry.file.endsWith('.gz') ? gunzipSync(raw) : raw;
  const db = await openDatabase(dbPath);
  try {
    const outcome = await runImport(db, {
      kind: 'finess', bytes, fileName, keepValid: true, importedBy: NATIONAL_FINESS_AUTHOR, archiveDir: null, keepIssues: 20,
      now: () => new Date(`${entry.date}T00:00:00Z`),
    });
    if (!outcome.import) {
      const problems = [outcome.message, ...outcome.rejects.slice(0, 10).map((r) => `ligne ${r.line} : ${r.message}`)];
      throw new InvariantError(`extraction FINESS nationale (${fileName})`, problems);
    }
    const importId = outcome.import.id;
    const source = `FINESS, extraction Etalab du ${entry.date} (${fileName})`;
    const { departements, removed } = await db.transaction(async (tx) => {
      const deps = await importedDepartements(tx, importId);
      const gone = await removeDefaultStructures(tx, FINESS_COMPLETE_KINDS, deps);
      await replaceRows(tx, 'completeness', deps.map((departement) => ({
        departement, list_kind: 'msp-cds', complete_on: entry.date, declared_by: NATIONAL_FINESS_AUTHOR, source, demo: false, import_id: importId,
      })));
      return { departements: deps, removed: gone.length };
    });
    await db.run('CHECKPOINT');
    return {
      importId, date: entry.date, fileName, status: outcome.status, rowsRead: outcome.rowsRead, rowsAccepted: outcome.rowsAccepted,
      rowsRejected: outcome.rowsRejected, departements, defaultRowsRemoved: removed, summary: outcome.summary,
    };
  } finally {
    db.close();
  }
}

/** One line for the build's progress. */
export function describeNationalFiness(l: NationalFinessLoad | null): string {
  if (!l) return 'aucune extraction dans le cache (facultative) : offre par défaut seule';
  const msp = l.summary.MSP ?? 0;
  const cds = l.summary['centres de santé'] ?? 0;
  return `${l.fileName} du ${l.date} : ${l.rowsAccepted} établissements retenus sur ${l.rowsRead} (${msp} MSP, ${cds} centres de santé, `
    + `${l.summary['CPTS au périmètre non renseigné'] ?? 0} CPTS)${l.rowsRejected > 0 ? `, ${l.rowsRejected} ligne(s) écartée(s)` : ''} ; `
    + `MSP et centres de santé complets au ${l.date} dans ${l.departements.length} département(s), ${l.defaultRowsRemoved} ligne(s) curée(s) remplacée(s)`;
}
