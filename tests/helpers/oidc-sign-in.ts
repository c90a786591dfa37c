/**
 * Signs in as a test user through the local OpenID provider's real pages (login form, consent
 * form), as a browser would: the app's redirect, the provider's forms posted, the redirect back
 * to the app's callback (`back`: the `retour` asked of the sign-in). `appFetch` is the app
 * (`app.request` or `fetch` on a server); the provider is always reached over HTTP. Returns the
 * session cookie, the CSRF token the app hands out and where the app sent the browser.
 */
export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

export interface SignedIn {
  /** `Cookie` header value carrying the session. */
  cookie: string;
  csrf: string;
  /** Headers of a cookie-authenticated write from the app's pages. */
  headers: Record<string, string>;
  /** Where the app sent the browser at the end of the sign-in. */
  landing: string;
}

class Jar {
  private cookies = new Map<string, string>();
  store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [kv, ...attrs] = c.split(';');
      const i = kv!.indexOf('=');
      const name = kv!.slice(0, i).trim();
      if (attrs.some((a) => /max-age=0\b/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, kv!.slice(i + 1));
    }
  }
  header(only?: string) {
    return [...this.cookies].filter(([k]) => !only || k === only).map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const formAction = (html: string) => {
  const m = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!m) throw new Error(`Formulaire du fournisseur introuvable : ${html.slice(0, 300)}`);
  return m[1]!.replace(/&amp;/g, '&');
};

export async function signInThrough({ appFetch, appUrl, login, provider = 'proconnect', back = '/' }: { appFetch: Fetcher; appUrl: string; login: string; provider?: string; back?: string }): Promise<SignedIn> {
  const app = new Jar();
  const idp = new Jar();
  const isApp = (url: string) => url.startsWith(appUrl);
  const go = async (url: string, init: RequestInit = {}) => {
    const jar = isApp(url) ? app : idp;
    const headers = { ...(init.headers as Record<string, string>), cookie: jar.header() };
    const res = await (isApp(url) ? appFetch(url, { ...init, headers, redirect: 'manual' }) : fetch(url, { ...init, headers, redirect: 'manual' }));
    jar.store(res);
    return res;
  };
  const follow = async (res: Response, from: string): Promise<{ res: Response; url: string }> => {
    let url = from;
    while (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      res = await go(url);
    }
    return { res, url };
  };
  const post = (url: string, body: string) => go(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

  const start = `${appUrl}/api/auth/${provider}/connexion?retour=${encodeURIComponent(back)}`;
  let step = await follow(await go(start), start);
  const loginUrl = new URL(formAction(await step.res.text()), step.url).href;
  step = await follow(await post(loginUrl, `prompt=login&login=${encodeURIComponent(login)}&password=test`), loginUrl);
  const consentUrl = new URL(formAction(await step.res.text()), step.url).href;
  step = await follow(await post(consentUrl, 'prompt=consent'), consentUrl);
  if (!isApp(step.url) || new URL(step.url).searchParams.has('connexion')) throw new Error(`Connexion échouée : ${step.url}`);
  const cookie = app.header('maillage_session');
  const session = (await (await appFetch(`${appUrl}/api/session`, { headers: { cookie } })).json()) as { csrf: string | null };
  if (!session.csrf) throw new Error('Pas de session après la connexion');
  return { landing: step.url, cookie, csrf: session.csrf, headers: { cookie, 'x-csrf-token': session.csrf, origin: appUrl, 'content-type': 'application/json' } };
}
