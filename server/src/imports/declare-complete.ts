/**
 * « Liste complète au <date> » declared on its own, without importing a file: the CPTS list of a
 * département was imported earlier (or is already whole in the base), and the ARS now says it is
 * complete. `npm run import -- liste-complete 06,13,83 --liste cpts`, `POST /api/imports/liste-complete`,
 * and the same file imported again with its declaration (run-import.ts) all come here.
 *
 * Recorded like an import, in one transaction: the completeness rows (their `import_id` is the
 * declaration's), a row in `imports` (kind `liste-complete`, no line), the next `data_version`, and a
 * line of the journal of imports (no archived file) that the build replays. Declaring what is
 * already declared (same départements, list and day) changes nothing. The audit line is written by
 * the caller, after the commit (services/record-declaration.ts), as for imports.
 */
import { createHash } from 'node:crypto';
import { replaceRows } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { cogMillesime, declaredCompleteness, departementCodes, type ImportRecord } from '../db/import-queries';
import { declarationText, type CompletenessDeclaration } from './completeness-declaration';
import type { JournalEntry } from './import-archive';
import { commitJournaled } from './journaled-commit';
import { DECLARATION_KIND } from './import-kinds';
import { oneAtATime } from './import-queue';
import type { ImportOutcome } from './run-import';

export interface DeclarationRequest {
  declaration: CompletenessDeclaration;
  /** What it rests on, in the user's words (« liste ARS PACA au 31/01/2026 »), or the file imported before; null: not said. */
  source: string | null;
  declaredBy: string;
  /** Archive folder (its journal); null when replaying the journal itself. */
  archiveDir: string | null;
  /** Build replay: the journal entry whose id, date and author are reused. */
  replay?: JournalEntry;
  now?: () => Date;
  /** Inside the transaction, once the rows are written under `id`: throws to refuse (policy), which rolls back. */
  authorize?: (tx: Database, id: string) => Promise<void>;
}

export const NO_SOURCE = 'déclaration sans fichier';

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export function declareComplete(db: Database, req: DeclarationRequest): Promise<ImportOutcome> {
  return oneAtATime(db, () => declareNow(db, req));
}

/** The declaration, run now: for callers already in the import queue (run-import.ts). */
export async function declareNow(db: Database, req: DeclarationRequest): Promise<ImportOutcome> {
  const d = req.declaration;
  const source = req.source?.trim() || NO_SOURCE;
  const text = JSON.stringify({ list: d.list, departements: d.departements, date: d.date, source });
  const sha256 = createHash('sha256').update(text).digest('hex');
  const base: ImportOutcome = {
    status: 'rejeté', message: '', kind: DECLARATION_KIND, fileName: source, sha256, fileError: null, import: null, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0,
    rejects: [], warnings: [], rejectCount: 0, warningCount: 0, summary: {}, dataVersion: null, declaration: null,
  };
  const known = await departementCodes(db);
  const unknown = d.departements.filter((x) => !known.has(x));
  if (unknown.length > 0) {
    const fileError = `département(s) ${unknown.join(', ')} de la liste complète inconnu(s) de la base.`;
    return { ...base, fileError, message: `Déclaration refusée : ${fileError} Rien n'a été enregistré.` };
  }
  const said = declarationText(d).replace(/^./, (x) => x.toUpperCase());
  if (!req.replay) {
    const current = await declaredCompleteness(db, d.list, d.departements);
    if (d.departements.every((x) => current.get(x) === d.date)) {
      return { ...base, status: 'déjà importé', message: `${said} : c'était déjà déclaré, rien n'a changé.` };
    }
  }
  const importedAt = req.replay?.importedAt ?? (req.now?.() ?? new Date()).toISOString();
  const id = req.replay?.id ?? `decl-${compact(importedAt)}-${sha256.slice(0, 8)}`;
  const by = req.replay?.importedBy ?? req.declaredBy;
  const millesime = await cogMillesime(db);
  const record: ImportRecord = {
    id, kind: DECLARATION_KIND, fileName: source, format: 'déclaration « liste complète »', sha256, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0,
    status: 'appliqué', importedAt, importedBy: by, millesime,
  };
  const journal = req.archiveDir ? { dir: req.archiveDir, entry: <JournalEntry>{
    id, kind: DECLARATION_KIND, sha256, archive: '', fileName: source, keepValid: false, importedAt, importedBy: by, rowsAccepted: 0, rowsRejected: 0, completeness: d,
  } } : null;
  const dataVersion = await commitJournaled(db, async (tx) => {
      await replaceRows(tx, 'completeness', d.departements.map((departement) => ({
        departement, list_kind: d.list, complete_on: d.date, declared_by: by, source, demo: false, import_id: id,
      })));
      await req.authorize?.(tx, id);
      await replaceRows(tx, 'imports', [{
        id, kind: DECLARATION_KIND, file_name: source, format: record.format, sha256, rows_read: 0, rows_accepted: 0, rows_rejected: 0,
        status: 'appliqué', imported_at: importedAt, imported_by: by, millesime, report: JSON.stringify({ completeness: d }),
      }]);
  }, journal);
  return { ...base, status: 'appliqué', import: record, dataVersion, declaration: { id, value: d }, message: `${said} (déclaration ${id}, ${source}).` };
}
