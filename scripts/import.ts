/**
 * CLI: `npm run import -- <type> <fichier> [--garder-valides] [--par <nom>] [--liste-complete 44,49 [--liste cpts|mmg|snp]
 * [--complete-au AAAA-MM-JJ]]` — the same import as
 * `POST /api/imports/:type`, on the database of GEODATA_DIR (or MAILLAGE_DB). The raw file is
 * archived next to the database (`imports/`) and journaled, so `npm run build:data` replays it.
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
import { parisDay } from '../server/src/lib/attachment';
import { isImportKind, unknownKindMessage } from '../server/src/imports/import-kinds';
import { runImport } from '../server/src/imports/run-import';
import { formatOutcome } from './import/format-outcome';
import { openStateStore, type StateStore } from '../server/src/db/state-store';
import { announce } from '../server/src/db/state-changes';
import { recordImport } from '../server/src/services/record-import';
import { cptsStates } from '../server/src/db/cpts-state-queries';

const USAGE = 'Usage : npm run import -- <type> <fichier> [--garder-valides] [--par <nom>] [--liste-complete <départements> [--liste cpts|mmg|snp] [--complete-au AAAA-MM-JJ]]';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const positional: string[] = [];
let keepValid = false;
let by: string | undefined;
const declared: { departements?: string; list?: string; date?: string } = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--garder-valides') keepValid = true;
  else if (a === '--par') by = args[++i] ?? fail(`--par attend un nom\n${USAGE}`, 2);
  else if (a === '--liste-complete') declared.departements = args[++i] ?? fail(`--liste-complete attend des départements (ex. 44,49)\n${USAGE}`, 2);
  else if (a === '--liste') declared.list = args[++i] ?? fail(`--liste attend cpts, mmg ou snp\n${USAGE}`, 2);
  else if (a === '--complete-au') declared.date = args[++i] ?? fail(`--complete-au attend une date AAAA-MM-JJ\n${USAGE}`, 2);
  else if (a.startsWith('--')) fail(`Option inconnue : ${a}\n${USAGE}`, 2);
  else positional.push(a);
}
const [kind, file] = positional;
if (!kind || !file || positional.length > 2) fail(USAGE, 2);
if (!isImportKind(kind)) fail(unknownKindMessage(kind), 2);
if (!existsSync(file)) fail(`Fichier introuvable : ${file}`, 2);
const declaration = parseDeclaration(kind, declared, parisDay());
if (!declaration.ok) fail(`Liste complète : ${declaration.message}\n${USAGE}`, 2);

const config = readConfig();
if (!existsSync(config.dbPath)) fail(`Base absente : ${config.dbPath}. Lancez « npm run build:data ».`, 2);
let state: StateStore;
try {
  state = await openStateStore({ postgresUrl: config.postgresUrl, pgliteDir: config.stateDir });
} catch (err) {
  fail(`Ouverture impossible du registre des rôles et propositions : ${(err as Error).message}`, 1);
}
const store = versionStore(config.dbPath);
if (config.versions || existsSync(store.pointerPath)) {
  // Data versions: the next version is written aside and then pointed at (server/src/db/data-versions.ts);
  // running servers keep serving the current one and switch to the new one within a second.
  // One import at a time across every process sharing the state store (its advisory lock).
  try {
    const outcome = await state.withLock(VERSIONS_LOCK, async () => {
      let before: Awaited<ReturnType<typeof cptsStates>> | undefined;
      const result = await publishVersion(store, async (db) => {
        await checkSchema(db);
        before = kind === 'cpts' || kind === 'cpts-perimetres' ? await cptsStates(db) : undefined;
        const result = await runImport(db, {
          kind, bytes: readFileSync(file), fileName: basename(file), keepValid,
          importedBy: by ?? `ligne de commande (${userInfo().username})`, archiveDir: join(dirname(config.dbPath), 'imports'),
        });
        return { result, changed: result.status === 'appliqué' || result.status === 'partiel' };
      });
      if (result.dataVersion) {
        // Its versions and audit line, read from the version just published; then every server switches to it.
        const published = await openDatabase(currentVersionPath(store), { readOnly: true, readers: 1 });
        try {
          await recordImport(published, state, result.import?.importedBy ?? 'ligne de commande', result, before);
        } finally {
          published.close();
        }
        await state.transaction((tx) => announce(tx, { kind: 'donnees', dataVersion: result.dataVersion! }));
      }
      return result;
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
  await checkSchema(db);
  const before = kind === 'cpts' || kind === 'cpts-perimetres' ? await cptsStates(db) : undefined;
  const outcome = await runImport(db, {
    kind, bytes: readFileSync(file), fileName: basename(file), keepValid,
    importedBy: by ?? `ligne de commande (${userInfo().username})`, archiveDir: join(dirname(config.dbPath), 'imports'),
    completeness: declaration.value,
  });
  await recordImport(db, state, outcome.import?.importedBy ?? 'ligne de commande', outcome, before);
  console.log(formatOutcome(outcome));
  process.exitCode = outcome.status === 'rejeté' ? 1 : 0;
} catch (err) {
  console.error(`Échec de l'import : ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
  await state.close();
}
