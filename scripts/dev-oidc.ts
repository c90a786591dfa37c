/**
 * `npm run dev:oidc -- [--port 9090] [--app http://localhost:8080]` — the local OpenID provider of
 * scripts/lib/dev-oidc-provider.ts for development, with one client for each of ProConnect and Pro
 * Santé Connect. Prints the variables to start the server with; stop it with Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startDevOidcProvider, TEST_USERS } from './lib/dev-oidc-provider';

const { values } = parseArgs({ options: { port: { type: 'string', default: '9090' }, app: { type: 'string', default: 'http://localhost:8080' } } });
const app = values.app!.replace(/\/+$/, '');
const clients = ['proconnect', 'psc'].map((id) => ({ clientId: `maillage-${id}`, clientSecret: `secret-${id}-de-developpement`, redirectUris: [`${app}/api/auth/${id}/retour`] }));
const p = await startDevOidcProvider({ clients, port: Number(values.port) });
console.log(`Fournisseur OpenID local : ${p.issuer} (utilisateurs : ${TEST_USERS.map((u) => u.login).join(', ')} ; mot de passe quelconque)`);
console.log('Démarrez Maillage avec :');
console.log(`  MAILLAGE_SESSION_SECRET=${'d'.repeat(40)} MAILLAGE_PUBLIC_URL=${app} \\`);
for (const c of clients) {
  const prefix = c.clientId.endsWith('psc') ? 'MAILLAGE_PSC' : 'MAILLAGE_PROCONNECT';
  console.log(`  ${prefix}_ISSUER=${p.issuer} ${prefix}_CLIENT_ID=${c.clientId} ${prefix}_CLIENT_SECRET=${c.clientSecret} \\`);
}
console.log('  npm start');
