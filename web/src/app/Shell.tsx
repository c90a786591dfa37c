/** The page shell of the State design system: header with the three journeys, main content, footer. */
import type { ReactNode } from 'react';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import type { Route } from './routes';
import { AccountAccess, accountNavigation } from '../features/auth/components/AccountAccess';
import { useSession } from '../features/auth/api/get-session';
import { SignInFailed } from '../features/auth/components/SignInFailed';

export function Shell({ page, children }: { page: Route['page']; children: ReactNode }) {
  const session = useSession();
  return (
    <div className="maillage-shell">
      <SkipLinks links={[{ label: 'Contenu', anchor: '#contenu' }, { label: 'Pied de page', anchor: '#pied-de-page' }]} />
      <Header
        brandTop={<>République<br />Française</>}
        serviceTitle="Maillage"
        serviceTagline="Exercice coordonné et soins non programmés : offre et couverture du territoire"
        homeLinkProps={{ href: '/', title: 'Accueil — Maillage' }}
        navigation={[
          { text: 'Explorer un territoire', linkProps: { href: '/' }, isActive: page === 'explore' },
          { text: 'Trouver une CPTS', linkProps: { href: '/cpts' }, isActive: page === 'cpts' || page === 'cpts-list' },
          { text: 'Soins non programmés près de chez vous', linkProps: { href: '/snp' }, isActive: page === 'snp' },
          ...accountNavigation(session.data, page),
        ]}
        quickAccessItems={[<AccountAccess key="compte" session={session.data} />]}
      />
      <main id="contenu" className="maillage-main" tabIndex={-1}>
        <SignInFailed />
        {children}
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        contentDescription="Maillage cartographie les CPTS, maisons et centres de santé, maisons médicales de garde, SAS et protocoles de coopération à partir de données ouvertes. Chaque couche indique sa source et son millésime ; les données de démonstration sont signalées comme telles."
        bottomItems={[{ text: 'Sources des données', linkProps: { href: '/api/sources' } }]}
      />
    </div>
  );
}
