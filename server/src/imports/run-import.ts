/**
 * The one code path of every import (CLI, HTTP, build replay): read and check the file, then —
 * all or nothing unless the user keeps the valid rows — write the rows, the journal row and the
 * new `data_version` in one transaction, archive the raw file and append to the journal. The same
 * file imported twice (same sha256 and kind) changes nothing. Imports run one at a time. Reading
 * and checking the file runs on a worker thread (prepare-off-thread.ts); only the writes run here. The
 * journal line is written inside the transaction, before the commit: a crash between the two is
 * repaired by reconcile-journal.ts, run before each import and at server start.
 */
import { createHash } from 'node:crypto';
import { replaceRows } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { cogMillesime, departementCodes, findImport, type ImportRecord } from '../db/import-queries';
import { FileFormatError, type LineIssue } from '../ingest/line-issue';
import { declarationText, type CompletenessDeclaration } from './completeness-declaration';
import { archiveFile, type JournalEntry } from './import-archive';
import { commitJournaled } from './journaled-commit';
import { KIND_INFO, type ImportKind, type JournalKind } from './import-kinds';
import { applyImportWrite } from './import-write';
import { prepareOffThread } from './prepare-off-thread';
import { oneAtATime } from './import-queue';
import { declareNow } from './declare-complete';
import { describeReconciliation, reconcileJournal } from './reconcile-journal';

export interface ImportRequest {
  kind: ImportKind;
  bytes: Uint8Array;
  fileName: string;
  keepValid: boolean;
  importedBy: string;
  /** Archive folder (raw files and journal); null only when replaying the journal itself. */
  archiveDir: string | null;
  /** Build replay: the journal entry whose id, date and author are reused. */
  replay?: JournalEntry;
  /** « Liste complète au <date> » for some départements, written with the rows (none: no change of completeness). */
  completeness?: CompletenessDeclaration | null;
  now?: () => Date;
  /**
   * Called inside the transaction once the rows are written (they carry the import's id): throws
   * to refuse the import (policy: the territory it touches), which rolls everything back.
   */
  authorize?: (tx: Database, importId: string) => Promise<void>;
  /** Problems kept in memory and in the outcome (default ISSUES_KEPT, 1 000); the counts are of all. */
  keepIssues?: number;
}

export type ImportStatus = 'appliqué' | 'partiel' | 'rejeté' | 'déjà importé';

export interface ImportOutcome {
  status: ImportStatus;
  message: string;
  kind: JournalKind;
  fileName: string;
  sha256: string;
  /** The file could not be read as this kind at all (wrong kind, separator, truncated…). */
  fileError: string | null;
  import: ImportRecord | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** The first problems (ISSUES_KEPT, or `keepIssues`): rejects by line, warnings as found. */
  rejects: LineIssue[];
  warnings: LineIssue[];
  /** Problems found in all (the full list: POST /api/imports/:kind?rapport=csv). */
  rejectCount: number;
  warningCount: number;
  summary: Record<string, number>;
  dataVersion: string | null;
  /** The « liste complète » recorded (with the rows, or alone: declare-complete.ts) and the id it is recorded under. */
  declaration: { id: string; value: CompletenessDeclaration } | null;
}

/** Runs imports on one database one after the other (with the declarations: import-queue.ts). */
export function runImport(db: Database, req: ImportRequest): Promise<ImportOutcome> {
  return oneAtATime(db, () => importNow(db, req));
}

/** The file's sha256, 4 MiB at a time with a turn of the event loop between: a 30 MB file never blocks it. */
async function sha256Of(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  const STEP = 4 * 1024 * 1024;
  for (let i = 0; i < bytes.length; i += STEP) {
    hash.update(bytes.subarray(i, i + STEP));
    if (i + STEP < bytes.length) await new Promise((r) => setImmediate(r));
  }
  return hash.digest('hex');
}

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

async function importNow(db: Database, req: ImportRequest): Promise<ImportOutcome> {
  if (req.archiveDir) {
    // A previous process may have been killed between its journal line and its commit.
    const note = describeReconciliation(await reconcileJournal(db, req.archiveDir));
    if (note) console.warn(note);
  }
  const sha256 = await sha256Of(req.bytes);
  const base = {
    kind: req.kind, fileName: req.fileName, sha256, fileError: null, import: null, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rejects: [], warnings: [],
    rejectCount: 0, warningCount: 0, summary: {}, dataVersion: null, declaration: null,
  };
  const already = await findImport(db, sha256, req.kind);
  if (already) {
    const unchanged = `Fichier déjà importé le ${already.importedAt} (import ${already.id})`;
    if (!req.completeness || req.replay) return { ...base, status: 'déjà importé', import: already, message: `${unchanged} : aucun changement.` };
    // The same file with a « liste complète » now: its rows stay as they are, the declaration is recorded on its own.
    const declared = await declareNow(db, {
      declaration: req.completeness, source: `${req.fileName} (import ${already.id})`, declaredBy: req.importedBy, archiveDir: req.archiveDir, now: req.now, authorize: req.authorize,
    });
    if (declared.status === 'rejeté') return { ...declared, kind: req.kind, fileName: req.fileName, sha256, import: already };
    return {
      ...base, status: 'déjà importé', import: already, dataVersion: declared.dataVersion, declaration: declared.declaration,
      message: `${unchanged} : aucune ligne changée. ${declarationText(req.completeness).replace(/^./, (x) => x.toUpperCase())} (déclaration ${declared.declaration!.id}).`,
    };
  }
  const importedAt = req.replay?.importedAt ?? (req.now?.() ?? new Date()).toISOString();
  const id = req.replay?.id ?? `imp-${compact(importedAt)}-${sha256.slice(0, 8)}`;
  const millesime = await cogMillesime(db);
  const declaration = req.replay ? (req.replay.completeness ?? null) : (req.completeness ?? null);
  if (declaration) {
    const known = await departementCodes(db);
    const unknown = declaration.departements.filter((d) => !known.has(d));
    if (unknown.length > 0) {
      const fileError = `département(s) ${unknown.join(', ')} de la liste complète inconnu(s) de la base.`;
      return { ...base, status: 'rejeté', fileError, message: `Déclaration refusée : ${fileError} Rien n'a été importé.` };
    }
  }
  let prepared;
  try {
    prepared = await prepareOffThread(req.kind, db, req.bytes, { importId: id, fileName: req.fileName, millesime }, { keep: req.keepIssues });
  } catch (err) {
    if (!(err instanceof FileFormatError)) throw err;
    return { ...base, status: 'rejeté', fileError: err.message, message: `Fichier refusé : ${err.message} Rien n'a été importé.` };
  }
  const rowsRejected = prepared.rejectedLines;
  const counts = {
    rowsRead: prepared.rowsRead, rowsAccepted: prepared.rowsAccepted, rowsRejected, rejects: prepared.rejects, warnings: prepared.warnings,
    rejectCount: prepared.rejectCount, warningCount: prepared.warningCount, summary: prepared.summary,
  };
  if (rowsRejected > 0 && !req.keepValid) {
    return {
      ...base, ...counts, status: 'rejeté',
      message: `${rowsRejected} ligne(s) rejetée(s) sur ${prepared.rowsRead} : rien n'a été importé (tout ou rien). Corrigez le fichier, ou importez les lignes valides seules (--garder-valides, ou garder_valides=1).`,
    };
  }
  if (prepared.rowsAccepted === 0) {
    return { ...base, ...counts, status: 'rejeté', message: 'Aucune ligne valide à importer : rien n\'a été importé.' };
  }
  const status: ImportStatus = rowsRejected > 0 ? 'partiel' : 'appliqué';
  const record: ImportRecord = {
    id, kind: req.kind, fileName: req.fileName, format: KIND_INFO[req.kind].format, sha256, rowsRead: prepared.rowsRead,
    rowsAccepted: prepared.rowsAccepted, rowsRejected, status, importedAt, importedBy: req.replay?.importedBy ?? req.importedBy, millesime,
  };
  const archive = req.archiveDir ? await archiveFile(req.archiveDir, sha256, req.kind, KIND_INFO[req.kind].extension, req.bytes) : null;
  const warnings = [...prepared.warnings];
  const journal = req.archiveDir && archive ? { dir: req.archiveDir, entry: <JournalEntry>{
    id, kind: req.kind, sha256, archive, fileName: req.fileName, keepValid: req.keepValid, importedAt, importedBy: record.importedBy,
    rowsAccepted: record.rowsAccepted, rowsRejected, ...(declaration ? { completeness: declaration } : {}),
  } } : null;
  const dataVersion = await commitJournaled(db, async (tx) => {
      const notes = await applyImportWrite(tx, prepared.write);
      if (notes) warnings.push(...notes);
      if (declaration) {
        await replaceRows(tx, 'completeness', declaration.departements.map((departement) => ({
          departement, list_kind: declaration.list, complete_on: declaration.date, declared_by: req.replay?.importedBy ?? req.importedBy,
          source: req.fileName, demo: false, import_id: id,
        })));
      }
      await req.authorize?.(tx, id);
      const report = {
        completeness: declaration, summary: prepared.summary, rejects: prepared.rejects.slice(0, 1000), warnings: warnings.slice(0, 1000),
        rejectCount: prepared.rejectCount, warningCount: prepared.warningCount + warnings.length - prepared.warnings.length, encoding: prepared.encoding ?? null,
      };
      await replaceRows(tx, 'imports', [{
        id, kind: req.kind, file_name: req.fileName, format: record.format, sha256, rows_read: record.rowsRead, rows_accepted: record.rowsAccepted,
        rows_rejected: rowsRejected, status, imported_at: importedAt, imported_by: record.importedBy, millesime, report: JSON.stringify(report),
      }]);
  }, journal);
  return {
    ...base, ...counts, warnings, warningCount: prepared.warningCount + warnings.length - prepared.warnings.length, status, import: record, dataVersion,
    declaration: declaration ? { id, value: declaration } : null,
    message: (status === 'appliqué'
      ? `Import appliqué : ${prepared.rowsAccepted} ligne(s) sur ${prepared.rowsRead}.`
      : `Import partiel (lignes valides gardées) : ${prepared.rowsAccepted} ligne(s) importée(s), ${rowsRejected} rejetée(s).`)
      + (declaration ? ` ${declarationText(declaration).replace(/^./, (x) => x.toUpperCase())}.` : ''),
  };
}
