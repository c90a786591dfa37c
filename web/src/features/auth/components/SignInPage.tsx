/**
 * « Se connecter » : the buttons of the identity providers this server is configured with —
 * ProConnect for ARS agents, Pro Santé Connect for health professionals — or, when none is, a
 * sentence saying that the app is public and read-only here.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useSearchParams } from '../../../app/url-state';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { signInUrl, useSession } from '../api/get-session';

export function SignInPage() {
  const session = useSession();
  const params = useSearchParams();
  const back = /^\/(?!\/)/.test(params.get('retour') ?? '') ? params.get('retour')! : '/';
  return (
    <div className="fr-container fr-my-4w maillage-page">
      <h1>Se connecter</h1>
      <QueryStatus query={session} what="la session">
        {(s) => s.utilisateur ? (
          <p>Vous êtes connecté·e : <strong>{s.utilisateur.nom}</strong> ({s.utilisateur.identifiant}).</p>
        ) : s.fournisseurs.length === 0 ? (
          <Alert severity="info" small description="La connexion n'est pas configurée sur ce serveur : la consultation est publique et en lecture seule." />
        ) : (
          <>
            <p>La consultation reste publique. Connectez-vous pour proposer le périmètre de votre CPTS (coordinateurs) ou examiner les propositions de votre territoire (ARS).</p>
            {s.fournisseurs.map((p) => p.id === 'proconnect' ? (
              <div key={p.id} className="fr-mb-3w">
                <h2 className="fr-h6">Agents de l'ARS et de l'État</h2>
                <ProConnectButton url={signInUrl('proconnect', back)} />
              </div>
            ) : (
              <div key={p.id} className="fr-mb-3w">
                <h2 className="fr-h6">Professionnels de santé</h2>
                <Button linkProps={{ href: signInUrl(p.id, back) }}>Se connecter avec Pro Santé Connect</Button>
              </div>
            ))}
          </>
        )}
      </QueryStatus>
    </div>
  );
}
