/** Said on the page the user came back to when signing in failed (`connexion=echec`). */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { patchParams, useParam } from '../../../app/url-state';

export function SignInFailed() {
  const [state] = useParam('connexion');
  if (state !== 'echec') return null;
  return (
    <Alert severity="error" small closable onClose={() => patchParams({ connexion: null }, { replace: true })} className="fr-m-1w"
      description="La connexion a échoué ou a expiré : aucune session n'a été ouverte. Réessayez avec « Se connecter »." />
  );
}
