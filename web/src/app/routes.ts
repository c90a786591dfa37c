/** The journeys and their addresses: `/`, `/cpts` (find a CPTS), `/cpts/<id>`, `/snp`. */
export type Route = { page: 'explore' } | { page: 'cpts-list' } | { page: 'cpts'; id: string } | { page: 'snp' } | { page: 'introuvable' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'explore' };
  if (pathname === '/snp' || pathname === '/snp/') return { page: 'snp' };
  if (pathname === '/cpts' || pathname === '/cpts/') return { page: 'cpts-list' };
  const cpts = /^\/cpts\/([^/]+)\/?$/.exec(pathname);
  if (cpts) return { page: 'cpts', id: decodeURIComponent(cpts[1]!) };
  return { page: 'introuvable' };
}

export const cptsPath = (id: string) => `/cpts/${encodeURIComponent(id)}`;
