/**
 * Chooses the journey from the path (each page is its own chunk); waits for the configuration, the
 * base map and the page's code together, then renders the page directly. (No React.lazy: a Suspense
 * fallback, once shown, is held at least 300 ms by React 19 before the page replaces it.)
 */
import { useEffect, type ComponentType } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Shell } from './Shell';
import { interceptInternalLinks, usePathname } from './url-state';
import { useBaseStyle } from './use-base-style';
import { matchRoute } from './routes';
import type { PageProps } from './page-props';
import type { SnpPageProps } from './pages/snp/SnpPage';
import type { QueryClient } from '@tanstack/react-query';
import { regionsQuery } from '../features/territories/api/list-regions';
import { departementsQuery } from '../features/territories/api/list-departements';
import { useDateScope } from './use-date-scope';

const pages = {
  explore: () => import('./pages/explore/ExplorePage'),
  cpts: () => import('./pages/cpts/CptsPage'),
  cptsList: () => import('./pages/cpts/CptsListPage'),
  snp: () => import('./pages/snp/SnpPage'),
  account: () => import('./pages/account/account-pages'),
};
type PageName = Exclude<keyof typeof pages, 'account'> | 'connexion' | 'propositions' | 'journal' | 'roles';
type PageComponent = ComponentType<PageProps & { id?: string }>;
const component: Record<PageName, () => Promise<PageComponent>> = {
  explore: () => pages.explore().then((m) => m.ExplorePage as PageComponent),
  cpts: () => pages.cpts().then((m) => m.CptsPage as PageComponent),
  cptsList: () => pages.cptsList().then((m) => m.CptsListPage as unknown as PageComponent),
  snp: () => pages.snp().then((m) => m.SnpPage as PageComponent),
  connexion: () => pages.account().then((m) => m.SignInPage as PageComponent),
  propositions: () => pages.account().then((m) => m.ProposalQueuePage as PageComponent),
  journal: () => pages.account().then((m) => m.AuditPage as PageComponent),
  roles: () => pages.account().then((m) => m.RolesPage as PageComponent),
};
const PAGE_OF_ROUTE: Record<string, PageName> = {
  explore: 'explore', cpts: 'cpts', 'cpts-list': 'cptsList', snp: 'snp', connexion: 'connexion', propositions: 'propositions', journal: 'journal', roles: 'roles',
};

/** The code of a page, fetched once (the same import promise as `preload`). */
function usePageComponent(page: PageName | null) {
  return useQuery({
    queryKey: ['page-code', page],
    queryFn: () => component[page!](),
    enabled: page !== null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

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

const TITLES = {
  explore: 'Explorer un territoire', 'cpts-list': 'Trouver une CPTS', cpts: 'Une CPTS', snp: 'Soins non programmés près de chez vous',
  connexion: 'Se connecter', propositions: 'Propositions de périmètre', journal: 'Journal des modifications', roles: 'Rôles', introuvable: 'Page introuvable',
};

export function App() {
  const route = matchRoute(usePathname());
  const { config, style } = useBaseStyle();
  const Page = usePageComponent(PAGE_OF_ROUTE[route.page] ?? null);
  useEffect(() => interceptInternalLinks(), []);
  useDateScope();
  useEffect(() => {
    document.title = `${TITLES[route.page]} — Maillage`;
  }, [route.page]);
  let content;
  if (route.page === 'introuvable') {
    content = <Alert severity="warning" title="Page introuvable" description={`Aucune page à l'adresse ${window.location.pathname}.`} className="fr-m-2w" />;
  } else if (config.isError || style.isError || Page.isError) {
    const error = config.error ?? style.error ?? Page.error;
    content = <Alert severity="error" title="Le service ne répond pas" description={error?.message ?? ''} className="fr-m-2w" />;
  } else if (route.page === 'snp' && config.data && Page.data) {
    // The SNP finder shows its list without waiting for the base map (its map comes after).
    const Snp = Page.data as unknown as ComponentType<SnpPageProps>;
    content = <Snp baseStyle={style.data?.style ?? null} config={config.data} />;
  } else if (!config.data || !style.data || !Page.data) {
    content = <p role="status" className="fr-p-2w">Chargement de la carte…</p>;
  } else {
    const common: PageProps = { baseStyle: style.data.style, config: config.data };
    const Component = Page.data;
    content = route.page === 'cpts' ? <Component key={route.id} id={route.id} {...common} /> : <Component {...common} />;
  }
  return <Shell page={route.page}>{content}</Shell>;
}
