/**
 * CLI: `npm run roles -- accorder <identifiant> <rôle> <territoire>`, `retirer …`, `lister` —
 * roles of the state store (next to the database of GEODATA_DIR / MAILLAGE_DB, or MAILLAGE_STATE_DB),
 * acting as the machine (recorded as « ligne de commande (<user>) » in the audit log). How the first
 * administrator is created: `npm run roles -- accorder alice@ars.sante.fr administrateur france`.
 * Rôles : administrateur (france), « délégué ARS » (departement:31, region:76, france), coordinateur (cpts:<id>).
 * The server must not have the database open for writing (DuckDB: one writing process).
 * Exit code 0 done, 1 refused, 2 usage error.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { readConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/connection';
import { departementRegions, listRoles } from '../server/src/db/role-queries';
import { ROLES, type RoleName } from '../server/src/db/state-schema';
import { ensureStateStore } from '../server/src/db/state-store';
import { publishSnapshot } from '../server/src/db/state-snapshots';
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
const db = await openDatabase(config.dbPath).catch((err: Error) => fail(`Ouverture impossible de la base ${config.dbPath} : ${err.message}\nLe serveur l'a-t-il ouverte en écriture ? Arrêtez-le, ou attribuez le rôle depuis l'application.`, 1));
try {
  await ensureStateStore(db, { path: config.statePath });
  if (command === 'lister') {
    for (const r of await listRoles(db)) console.log(`${r.identifiant}\t${r.role}\t${r.territoire}\t(par ${r.grantedBy}, ${r.grantedAt})`);
  } else {
    const grant = command === 'accorder';
    const { changed } = await changeRole(db, { machine: `ligne de commande (${userInfo().username})` }, await departementRegions(db),
      { identifiant: identifiant!, role: role as RoleName, territoire: territoire! }, grant);
    console.log(grant ? (changed ? `Rôle accordé : ${identifiant} — ${role} (${territoire}).` : 'Rôle déjà accordé : rien n\'a changé.')
      : (changed ? `Rôle retiré : ${identifiant} — ${role} (${territoire}).` : 'Ce rôle n\'était pas accordé : rien n\'a changé.'));
    // Read-only processes follow the store through its snapshots (server/src/db/state-snapshots.ts).
    if (changed) await publishSnapshot(db, config.statePath);
  }
} catch (err) {
  console.error(`Refusé : ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
