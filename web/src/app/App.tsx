/** Chooses the journey from the path (each page is its own chunk); waits for the configuration and the base map. */
import { lazy, Suspense, useEffect } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Shell } from './Shell';
import { interceptInternalLinks, usePathname } from './url-state';
import { useBaseStyle } from './use-base-style';
import { matchRoute } from './routes';
import type { PageProps } from './page-props';
import type { QueryClient } from '@tanstack/react-query';
import { regionsQuery } from '../features/territories/api/list-regions';
import { departementsQuery } from '../features/territories/api/list-departements';

const pages = {
  explore: () => import('./pages/explore/ExplorePage'),
  cpts: () => import('./pages/cpts/CptsPage'),
  cptsList: () => import('./pages/cpts/CptsListPage'),
  snp: () => import('./pages/snp/SnpPage'),
};
const ExplorePage = lazy(() => pages.explore().then((m) => ({ default: m.ExplorePage })));
const CptsPage = lazy(() => pages.cpts().then((m) => ({ default: m.CptsPage })));
const CptsListPage = lazy(() => pages.cptsList().then((m) => ({ default: m.CptsListPage })));
const SnpPage = lazy(() => pages.snp().then((m) => ({ default: m.SnpPage })));

/** The first page's code and reference lists are fetched at once, alongside the configuration, not after it. */
export function preload(pathname: string, client: QueryClient) {
  const route = matchRoute(pathname);
  if (route.page === 'explore') {
    void pages.explore();
    void client.prefetchQuery(regionsQuery());
    void client.prefetchQuery(departementsQuery());
  } else if (route.page === 'cpts') void pages.cpts();
  else if (route.page === 'snp') void pages.snp();
  else if (route.page === 'cpts-list') void pages.cptsList();
}

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
