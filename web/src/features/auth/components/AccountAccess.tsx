/**
 * The header's account corner: « Se connecter » when nobody is signed in (and a provider is
 * configured), else the user's name and « Se déconnecter »; and the pages their roles open.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Route } from '../../../app/routes';
import { hasRole, signInPageUrl, type SessionInfo } from '../api/get-session';

export function accountNavigation(s: SessionInfo | undefined, page: Route['page']) {
  if (!s?.utilisateur?.roles.length) return [];
  const ars = hasRole(s, 'délégué ARS');
  const admin = hasRole(s, 'administrateur');
  return [
    { text: ars ? 'Propositions à examiner' : 'Mes propositions', linkProps: { href: '/propositions' }, isActive: page === 'propositions' },
    ...(ars || admin ? [{ text: 'Journal', linkProps: { href: '/journal' }, isActive: page === 'journal' }, { text: 'Rôles', linkProps: { href: '/roles' }, isActive: page === 'roles' }] : []),
  ];
}

export function AccountAccess({ session }: { session: SessionInfo | undefined }) {
  const qc = useQueryClient();
  if (!session) return null;
  if (session.utilisateur) {
    const signOut = async () => {
      await api.auth.deconnexion.$post();
      await qc.invalidateQueries();
    };
    return (
      <span className="maillage-account">
        <span data-testid="utilisateur">{session.utilisateur.nom}</span>
        <Button size="small" priority="tertiary no outline" onClick={signOut} className="fr-ml-1w">Se déconnecter</Button>
      </span>
    );
  }
  if (session.fournisseurs.length === 0) return null;
  return <Button size="small" priority="tertiary" iconId="fr-icon-account-circle-line" linkProps={{ href: signInPageUrl() }}>Se connecter</Button>;
}
