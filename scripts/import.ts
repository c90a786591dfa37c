/**
 * CLI: `npm run import -- <type> <fichier> [--garder-valides] [--par <nom>] [--liste-complete 44,49 [--liste cpts|mmg|snp]
 * [--complete-au AAAA-MM-JJ]]` — the same import as `POST /api/imports/:type`, on the database of GEODATA_DIR
 * (or MAILLAGE_DB). The raw file is archived next to the database (`imports/`) and journaled, so
 * `npm run build:data` replays it. The same file imported again with `--liste-complete` records the declaration.
 * `npm run import -- liste-complete 06,13,83 --liste cpts [--complete-au AAAA-MM-JJ] [--source <texte>] [--par <nom>]`
 * declares a list complete on its own (`POST /api/imports/liste-complete`), journaled and audited the same way.
 * Exit code 0 when applied (or already imported), 1 when refused, 2 on a usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { readConfig } from '../server/src/config';
import { checkSchema } from '../server/src/db/meta-queries';
import { currentVersionPath, publishVersion, VERSIONS_LOCK, versionStore } from '../server/src/db/data-versions';
import { openDatabase, type Database } from '../server/src/db/connection';
import { parseDeclaration } from '../server/src/imports/completeness-declaration';
import { declareComplete } from '../server/src/imports/declare-complete';
import { parisDay } from '../server/src/lib/attachment';
import { DECLARATION_KIND, isImportKind, unknownKindMessage, type ImportKind } from '../server/src/imports/import-kinds';
import { runImport, type ImportOutcome } from '../server/src/imports/run-import';
import { formatOutcome } from './import/format-outcome';
import { openStateStore, type StateStore } from '../server/src/db/state-store';
import { announce } from '../server/src/db/state-changes';
import { recordImport } from '../server/src/services/record-import';
import { recordDeclaration } from '../server/src/services/record-declaration';
import { cptsStates, type CptsState } from '../server/src/db/cpts-state-queries';

const USAGE = 'Usage : npm run import -- <type> <fichier> [--garder-valides] [--par <nom>] [--liste-complete <départements> [--liste cpts|mmg|snp] [--complete-au AAAA-MM-JJ]]\n'
  + '        npm run import -- liste-complete <départements> --liste cpts|mmg|snp [--complete-au AAAA-MM-JJ] [--source <texte>] [--par <nom>]';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const positional: string[] = [];
let keepValid = false;
let by: string | undefined;
let source: string | undefined;
const declared: { departements?: string; list?: string; date?: string } = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--garder-valides') keepValid = true;
  else if (a === '--par') by = args[++i] ?? fail(`--par attend un nom\n${USAGE}`, 2);
  else if (a === '--source') source = args[++i] ?? fail(`--source attend un texte (ex. « liste ARS au 31/01/2026 »)\n${USAGE}`, 2);
  else if (a === '--liste-complete') declared.departements = args[++i] ?? fail(`--liste-complete attend des départements (ex. 44,49)\n${USAGE}`, 2);
  else if (a === '--liste') declared.list = args[++i] ?? fail(`--liste attend cpts, mmg ou snp\n${USAGE}`, 2);
  else if (a === '--complete-au') declared.date = args[++i] ?? fail(`--complete-au attend une date AAAA-MM-JJ\n${USAGE}`, 2);
  else if (a.startsWith('--')) fail(`Option inconnue : ${a}\n${USAGE}`, 2);
  else positional.push(a);
}
const [kind, second] = positional;
if (!kind || !second || positional.length > 2) fail(USAGE, 2);
const alone = kind === DECLARATION_KIND;
if (alone) {
  if (declared.departements) fail(`liste-complete prend ses départements en premier argument, sans --liste-complete\n${USAGE}`, 2);
  declared.departements = second;
} else {
  if (!isImportKind(kind)) fail(unknownKindMessage(kind), 2);
  if (!existsSync(second)) fail(`Fichier introuvable : ${second}`, 2);
  if (source) fail(`--source ne sert qu'à « liste-complete » : la source d'un import est son fichier\n${USAGE}`, 2);
}
const declaration = parseDeclaration(alone ? DECLARATION_KIND : (kind as ImportKind), declared, parisDay());
if (!declaration.ok) fail(`Liste complète : ${declaration.message}\n${USAGE}`, 2);
const completeness = declaration.value;
if (alone && !completeness) fail(USAGE, 2);

const config = readConfig();
if (!existsSync(config.dbPath)) fail(`Base absente : ${config.dbPath}. Lancez « npm run build:data ».`, 2);
const importedBy = by ?? `ligne de commande (${userInfo().username})`;
const archiveDir = join(dirname(config.dbPath), 'imports');
let state: StateStore;
try {
  state = await openStateStore({ postgresUrl: config.postgresUrl, pgliteDir: config.stateDir });
} catch (err) {
  fail(`Ouverture impossible du registre des rôles et propositions : ${(err as Error).message}`, 1);
}

/** The import or the declaration on `db` (the data), and the CPTS as they were before it. */
async function work(db: Database): Promise<{ outcome: ImportOutcome; before?: Map<string, CptsState> }> {
  await checkSchema(db);
  if (alone) return { outcome: await declareComplete(db, { declaration: completeness!, source: source ?? null, declaredBy: importedBy, archiveDir }) };
  const importKind = kind as ImportKind;
  const before = importKind === 'cpts' || importKind === 'cpts-perimetres' ? await cptsStates(db) : undefined;
  const outcome = await runImport(db, {
    kind: importKind, bytes: readFileSync(second!), fileName: basename(second!), keepValid, importedBy, archiveDir, completeness,
  });
  return { outcome, before };
}

/** What follows in the state store: the CPTS versions and audit line of the import, the declaration's audit line. */
async function record(db: Database, { outcome, before }: { outcome: ImportOutcome; before?: Map<string, CptsState> }) {
  if (!alone) await recordImport(db, state, outcome.import?.importedBy ?? 'ligne de commande', outcome, before);
  await recordDeclaration(state, importedBy, outcome);
}

const store = versionStore(config.dbPath);
if (config.versions || existsSync(store.pointerPath)) {
  // Data versions: the next version is written aside and then pointed at (server/src/db/data-versions.ts);
  // running servers keep serving the current one and switch to the new one within a second.
  // One import at a time across every process sharing the state store (its advisory lock).
  try {
    const outcome = await state.withLock(VERSIONS_LOCK, async () => {
      const done = await publishVersion(store, async (db) => {
        const result = await work(db);
        // Rows or a declaration (the same file again with its « liste complète »): a new version.
        return { result, changed: result.outcome.dataVersion !== null };
      });
      if (done.outcome.dataVersion) {
        // Recorded from the version just published; then every server switches to it.
        const published = await openDatabase(currentVersionPath(store), { readOnly: true, readers: 1 });
        try {
          await record(published, done);
        } finally {
          published.close();
        }
        await state.transaction((tx) => announce(tx, { kind: 'donnees', dataVersion: done.outcome.dataVersion! }));
      }
      return done.outcome;
    });
    console.log(formatOutcome(outcome));
    await state.close();
    process.exit(outcome.status === 'rejeté' ? 1 : 0);
  } catch (err) {
    console.error(`Échec de l'import : ${(err as Error).message}`);
    process.exit(1);
  }
}
let db: Database;
try {
  db = await openDatabase(config.dbPath);
} catch (err) {
  fail(`Ouverture impossible de la base ${config.dbPath} : ${(err as Error).message}\n`
    + 'Le serveur l\'a-t-il ouverte en écriture ? Importez alors par l\'API (POST /api/imports/<type>) ou arrêtez-le.', 1);
}
try {
  const done = await work(db);
  await record(db, done);
  console.log(formatOutcome(done.outcome));
  process.exitCode = done.outcome.status === 'rejeté' ? 1 : 0;
} catch (err) {
  console.error(`Échec de l'import : ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
  await state.close();
}
