/**
 * The return address after sign-in, parsed once, here, for every redirect of the sign-in
 * (routes/auth.ts): the page asked when signing in (`?retour=`), where the provider's redirect
 * back sends the browser, on success and on failure. Only a path of this app is kept:
 * printable ASCII (0x21–0x7E: no control character, no space, nothing Node refuses in a
 * `Location` header), one leading `/`, no `//` anywhere, no backslash (browsers read `/\x` as
 * `//x`), hence no scheme and no host: what is left the WHATWG URL parser (Node's, browsers')
 * reads as a path of this origin (the property suite checks it with Node's). Anything else — a
 * missing, repeated, too long or foreign value — is `/`.
 */
export const HOME = '/';
const MAX_LENGTH = 500;
const PATH = /^\/[\x21-\x7e]*$/;

/** `raw` when it is a path of this app, else `/`. */
export function returnPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH || !PATH.test(raw) || raw.includes('//') || raw.includes('\\')) return HOME;
  return raw;
}

/** The return path with `connexion=echec` added to its query (before any fragment). */
export function failedSignInPath(raw: unknown): string {
  const path = returnPath(raw);
  const hash = path.indexOf('#');
  const [before, fragment] = hash < 0 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  const join = !before.includes('?') ? '?' : /[?&]$/.test(before) ? '' : '&';
  return `${before}${join}connexion=echec${fragment}`;
}
