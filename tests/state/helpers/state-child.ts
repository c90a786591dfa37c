/**
 * A child process of the state-store tests, acting on the store given by the environment
 * (MAILLAGE_POSTGRES_URL or MAILLAGE_STATE_DIR) and the data of MAILLAGE_DB, as a server would:
 * - `ouvrir`: opens the store, prints « ouvert », waits for stdin to close;
 * - `valider <id> <revision>`: validates a proposal from 2026-09-01 as the delegate of 974;
 * - `accorder <identifiant>`: grants it coordinator of REU-974-GRAND-SUD as the machine.
 * With MAILLAGE_CRASH_AT it kills itself at that point (server/src/lib/crash-point.ts).
 */
import { openDatabase } from '../../../server/src/db/connection';
import { departementRegions } from '../../../server/src/db/role-queries';
import { openStateStore } from '../../../server/src/db/state-store';
import { decideProposal } from '../../../server/src/services/proposals';
import { changeRole } from '../../../server/src/services/roles';

process.env.TZ = 'UTC';
const [command, a, b] = process.argv.slice(2);
try {
  const state = await openStateStore({ postgresUrl: process.env.MAILLAGE_POSTGRES_URL || null, pgliteDir: process.env.MAILLAGE_STATE_DIR || null });
  if (command === 'ouvrir') {
    console.log('ouvert');
    process.stdin.resume();
    await new Promise((r) => process.stdin.once('end', r));
  } else {
    const db = await openDatabase(process.env.MAILLAGE_DB!, { readOnly: true });
    const regionOf = await departementRegions(db);
    if (command === 'valider') {
      const actor = { kind: 'utilisateur' as const, id: 'delegue974@ars-reunion.test', name: 'D', provider: 'proconnect' as const, roles: [{ role: 'délégué ARS' as const, territoire: 'departement:974' }], csrf: 'x' };
      await decideProposal(db, state, { actor, demo: true, date: '2026-09-01', dateGiven: false }, regionOf, a!, { decision: 'validée', revision: Number(b), reason: null, validFrom: '2026-09-01' });
    } else if (command === 'accorder') {
      await changeRole(db, state, { machine: 'test' }, regionOf, { identifiant: a!, role: 'coordinateur', territoire: 'cpts:REU-974-GRAND-SUD' }, true);
    } else throw new Error(`commande inconnue : ${command}`);
    console.log('fait');
    db.close();
  }
  await state.close();
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
