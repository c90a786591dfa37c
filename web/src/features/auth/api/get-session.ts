/** Who is signed in (roles, CSRF token) and which providers this server offers. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, read, setCsrfToken } from '../../../lib/api-client';

export const sessionQuery = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: async () => {
      const s = await read(await api.session.$get());
      setCsrfToken(s.csrf);
      return s;
    },
    staleTime: 60_000,
  });

export const useSession = () => useQuery(sessionQuery());

export type SessionInfo = Awaited<ReturnType<NonNullable<ReturnType<typeof sessionQuery>['queryFn']>>>;
export type SessionRole = NonNullable<SessionInfo['utilisateur']>['roles'][number];

export const hasRole = (s: SessionInfo | undefined, role: SessionRole['role'], territoire?: (t: string) => boolean) =>
  Boolean(s?.utilisateur?.roles.some((r) => r.role === role && (!territoire || territoire(r.territoire))));

/** The address that starts signing in with a provider and comes back to `back` (a path of this app). */
export const signInUrl = (provider: string, back: string) => `/api/auth/${provider}/connexion?retour=${encodeURIComponent(back)}`;

/** The « Se connecter » page, coming back to the current page. */
export const signInPageUrl = () => `/connexion?retour=${encodeURIComponent(window.location.pathname + window.location.search)}`;
