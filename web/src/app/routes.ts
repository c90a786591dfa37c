/** The journeys and their addresses: `/`, `/cpts` (find a CPTS), `/cpts/<id>`, `/snp`; `/connexion`, `/propositions`, `/journal`, `/roles`. */
export type Route = { page: 'explore' } | { page: 'cpts-list' } | { page: 'cpts'; id: string } | { page: 'snp' }
  | { page: 'connexion' } | { page: 'propositions' } | { page: 'journal' } | { page: 'roles' } | { page: 'introuvable' };

/** Pages of the signed-in loop (sign-in, proposals, audit log, roles): no map. */
const ACCOUNT_PAGES = ['connexion', 'propositions', 'journal', 'roles'] as const;

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'explore' };
  if (pathname === '/snp' || pathname === '/snp/') return { page: 'snp' };
  if (pathname === '/cpts' || pathname === '/cpts/') return { page: 'cpts-list' };
  const cpts = /^\/cpts\/([^/]+)\/?$/.exec(pathname);
  if (cpts) return { page: 'cpts', id: decodeURIComponent(cpts[1]!) };
  const account = ACCOUNT_PAGES.find((p) => pathname === `/${p}` || pathname === `/${p}/`);
  if (account) return { page: account };
  return { page: 'introuvable' };
}

export const cptsPath = (id: string) => `/cpts/${encodeURIComponent(id)}`;
