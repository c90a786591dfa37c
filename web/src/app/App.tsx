/** Chooses the journey from the path (each page is its own chunk); waits for the configuration and the base map. */
import { lazy, Suspense, useEffect } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Shell } from './Shell';
import { interceptInternalLinks, usePathname } from './url-state';
import { useBaseStyle } from './use-base-style';
import { matchRoute } from './routes';
import type { PageProps } from './page-props';

const ExplorePage = lazy(() => import('./pages/explore/ExplorePage').then((m) => ({ default: m.ExplorePage })));
const CptsPage = lazy(() => import('./pages/cpts/CptsPage').then((m) => ({ default: m.CptsPage })));
const CptsListPage = lazy(() => import('./pages/cpts/CptsListPage').then((m) => ({ default: m.CptsListPage })));
const SnpPage = lazy(() => import('./pages/snp/SnpPage').then((m) => ({ default: m.SnpPage })));

const TITLES = { explore: 'Explorer un territoire', 'cpts-list': 'Trouver une CPTS', cpts: 'Une CPTS', snp: 'Soins non programmés près de chez vous', introuvable: 'Page introuvable' };

export function App() {
  const route = matchRoute(usePathname());
  const { config, style } = useBaseStyle();
  useEffect(() => interceptInternalLinks(), []);
  useEffect(() => {
    document.title = `${TITLES[route.page]} — Maillage`;
  }, [route.page]);
  let content;
  if (route.page === 'introuvable') {
    content = <Alert severity="warning" title="Page introuvable" description={`Aucune page à l'adresse ${window.location.pathname}.`} className="fr-m-2w" />;
  } else if (config.isError || style.isError) {
    content = <Alert severity="error" title="Le service ne répond pas" description={(config.error ?? style.error)?.message ?? ''} className="fr-m-2w" />;
  } else if (!config.data || !style.data) {
    content = <p role="status" className="fr-p-2w">Chargement de la carte…</p>;
  } else {
    const common: PageProps = { baseStyle: style.data.style, config: config.data };
    content = (
      <Suspense fallback={<p role="status" className="fr-p-2w">Chargement de la page…</p>}>
        {route.page === 'explore' && <ExplorePage {...common} />}
        {route.page === 'cpts-list' && <CptsListPage />}
        {route.page === 'cpts' && <CptsPage key={route.id} id={route.id} {...common} />}
        {route.page === 'snp' && <SnpPage {...common} />}
      </Suspense>
    );
  }
  return <Shell page={route.page}>{content}</Shell>;
}
