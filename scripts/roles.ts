/**
 * CLI: `npm run roles -- accorder <identifiant> <rôle> <territoire>`, `retirer …`, `lister` —
 * roles of the state store (MAILLAGE_POSTGRES_URL, or the PGlite folder next to the database: MAILLAGE_STATE_DIR),
 * acting as the machine (recorded as « ligne de commande (<user>) » in the audit log). How the first
 * administrator is created: `npm run roles -- accorder alice@ars.sante.fr administrateur france`.
 * Rôles : administrateur (france), « délégué ARS » (departement:31, region:76, france), coordinateur (cpts:<id>).
 * With PGlite the server must not be running (one process per folder); with a PostgreSQL server
 * it may: every process sees the change at its next request.
 * Exit code 0 done, 1 refused, 2 usage error.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { readConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/connection';
import { departementRegions, listRoles } from '../server/src/db/role-queries';
import { ROLES, type RoleName } from '../server/src/db/state-schema';
import { currentVersionPath, versionStore } from '../server/src/db/data-versions';
import { openStateStore } from '../server/src/db/state-store';
import { changeRole } from '../server/src/services/roles';

const USAGE = 'Usage : npm run roles -- accorder|retirer <identifiant> <rôle> <territoire>   |   npm run roles -- lister\n'
  + `  rôles : ${ROLES.map((r) => `« ${r} »`).join(', ')} ; territoires : france, region:76, departement:31, cpts:<identifiant>`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const [command, identifiant, role, territoire, ...rest] = process.argv.slice(2);
if (command !== 'lister' && (!['accorder', 'retirer'].includes(command ?? '') || !identifiant || !role || !territoire || rest.length > 0)) fail(USAGE, 2);
if (role && !ROLES.includes(role as RoleName)) fail(`Rôle inconnu : ${role}\n${USAGE}`, 2);

const config = readConfig();
if (!existsSync(config.dbPath)) fail(`Base absente : ${config.dbPath}. Lancez « npm run build:data ».`, 2);
// The data (CPTS, départements) is only read: the current data version, read-only.
const dataPath = currentVersionPath(versionStore(config.dbPath));
const db = await openDatabase(dataPath, { readOnly: true }).catch((err: Error) => fail(`Ouverture impossible de la base ${dataPath} : ${err.message}\nLe serveur l'a-t-il ouverte en écriture ? Arrêtez-le, ou attribuez le rôle depuis l'application.`, 1));
const state = await openStateStore({ postgresUrl: config.postgresUrl, pgliteDir: config.stateDir }).catch((err: Error) => {
  db.close();
  return fail(`Ouverture impossible du registre des rôles : ${err.message}`, 1);
});
try {
  if (command === 'lister') {
    for (const r of await listRoles(state)) console.log(`${r.identifiant}\t${r.role}\t${r.territoire}\t(par ${r.grantedBy}, ${r.grantedAt})`);
  } else {
    const grant = command === 'accorder';
    const { changed } = await changeRole(db, state, { machine: `ligne de commande (${userInfo().username})` }, await departementRegions(db),
      { identifiant: identifiant!, role: role as RoleName, territoire: territoire! }, grant);
    console.log(grant ? (changed ? `Rôle accordé : ${identifiant} — ${role} (${territoire}).` : 'Rôle déjà accordé : rien n\'a changé.')
      : (changed ? `Rôle retiré : ${identifiant} — ${role} (${territoire}).` : 'Ce rôle n\'était pas accordé : rien n\'a changé.'));
  }
} catch (err) {
  console.error(`Refusé : ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
  await state.close();
}
