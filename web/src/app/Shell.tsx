/** The page shell of the State design system: header, main content, footer. */
import type { ReactNode } from 'react';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';

export function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="maillage-shell">
      <Header
        brandTop={<>République<br />Française</>}
        serviceTitle="Maillage"
        serviceTagline="Exercice coordonné et soins non programmés : offre et couverture du territoire"
        homeLinkProps={{ href: '/', title: 'Accueil — Maillage' }}
      />
      <main id="contenu" className="maillage-main" tabIndex={-1}>
        {children}
      </main>
      <Footer
        accessibility="non compliant"
        contentDescription="Maillage cartographie les CPTS, maisons et centres de santé, maisons médicales de garde, SAS et protocoles de coopération à partir de données ouvertes. Chaque couche indique sa source et son millésime."
        bottomItems={[{ text: 'Sources des données', linkProps: { href: '/api/sources' } }]}
      />
    </div>
  );
}
