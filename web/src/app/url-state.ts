/**
 * State kept in the address bar so that every view can be shared: the path picks the journey,
 * the query string holds viewport, selection, layers. A tiny store over the History API.
 */
import { useCallback, useSyncExternalStore } from 'react';

const EVENT = 'maillage:navigation';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** Current path + query string; re-renders on navigation. */
export function useLocationKey(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '/');
}

export function navigate(to: string, { replace = false } = {}) {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
}

export type ParamPatch = Record<string, string | null | undefined>;

/** Changes some query parameters, keeping the others (null removes one). */
export function patchParams(patch: ParamPatch, { replace = false, pathname = window.location.pathname } = {}) {
  const params = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, v);
  }
  const query = params.toString();
  navigate(`${pathname}${query ? `?${query.replaceAll('%2F', '/').replaceAll('%2C', ',')}` : ''}`, { replace });
}

/** One query parameter and its setter. */
export function useParam(name: string): [string | null, (value: string | null, opts?: { replace?: boolean }) => void] {
  const key = useLocationKey();
  const value = new URLSearchParams(key.includes('?') ? key.slice(key.indexOf('?')) : '').get(name);
  const set = useCallback((v: string | null, opts?: { replace?: boolean }) => patchParams({ [name]: v }, opts), [name]);
  return [value, set];
}

export function usePathname(): string {
  const key = useLocationKey();
  return key.split('?')[0]!;
}

/** Several query parameters at once (a snapshot of the query string). */
export function useSearchParams(): URLSearchParams {
  const key = useLocationKey();
  return new URLSearchParams(key.includes('?') ? key.slice(key.indexOf('?')) : '');
}

/** Makes same-origin links (`<a href="/snp">`) navigate without reloading the page. */
export function interceptInternalLinks(root: Document = document): () => void {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    // An anchor in the same page (skip links): the browser scrolls and moves the focus itself.
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
    if (url.pathname !== window.location.pathname) window.scrollTo(0, 0);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
