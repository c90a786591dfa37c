/**
 * Property-based suite of issue 21 (fast-check): the attacker's inputs to the sign-in, through
 * Node's own HTTP server (where a bad header value is a 500, not under `app.request()`).
 * 1. Signed cookies: random payloads — a session, a sign-in transaction, a mix of both shapes, a
 *    shape with a field broken, missing or extra, expired, any JSON, not JSON — signed for every
 *    purpose, with the secret itself (the format before), with another secret or not at all,
 *    under every cookie name, to the reads and writes that read a session and to the callback.
 *    Only a live session of the exact shape signed for the session, in the session cookie, is
 *    one; anything else is anonymous (401 on the writes).
 * 2. Redirect parameters: random bytes (all of 0x00–0x7F, percent-encoded) as `retour` of the
 *    sign-in and in every parameter of the provider's redirect back: always a 302 to a path of
 *    this app, `/` unless `retour` was one.
 * Every answer: no 5xx, French, the error shape; no table changes (the journal gains at most the
 * « échecs de connexion » bursts). Deterministic (seed 20261221); FC_SEED / FC_RUNS (each property).
 */
import fc from 'fast-check';
import { generateSignedCookie } from 'hono/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purposeKey, TOKEN_PURPOSES, type TokenPurpose } from '../../server/src/auth/signed-token';
import { allChecksums } from '../helpers/state-fixture';
import { APP_URL, SESSION_SECRET, useAuthFixture } from '../helpers/auth-fixture';
import { listen, type Listening } from '../helpers/node-listen';
import { checkAnswer } from './bad-answer';

const SEED = Number(process.env.FC_SEED ?? 20261221);
const RUNS = Number(process.env.FC_RUNS ?? 600);
const COOKIES = ['maillage_session', 'maillage_connexion'] as const;
const fx = useAuthFixture({ writesPerMinute: 1_000_000, signInPerMinute: 1_000_000 });
const NOT_JOURNAL = (t: string) => t !== 'etat.audit';
// The geography, large and written by no route, is compared at the end only.
const GEOGRAPHY = ['commune_passage', 'communes', 'datasets', 'departements', 'epci', 'regions', 'tiles'];
const WRITTEN = (t: string) => NOT_JOURNAL(t) && !GEOGRAPHY.includes(t);

let server: Listening;
let before: Record<string, string>;
beforeAll(async () => {
  server = await listen(fx.get().f.app);
  before = await allChecksums(fx.get().f, { only: NOT_JOURNAL });
});
afterAll(() => server?.close());

/** Nothing written: the tables as before (`all`: the geography too), the journal holds failure bursts only. */
async function nothingWritten(label: string, all = false) {
  const { f } = fx.get();
  const only = all ? NOT_JOURNAL : WRITTEN;
  const expected = Object.fromEntries(Object.entries(before).filter(([k]) => only(k)));
  expect(await allChecksums(f, { only }), `${label} : rien ne doit changer`).toEqual(expected);
  const actions = await f.state.query<{ action: string }>('SELECT DISTINCT action FROM etat.audit');
  expect(actions.map((a) => a.action).filter((a) => a !== 'connexion.echecs'), label).toEqual([]);
}

const opts = <T>(): fc.Parameters<T> => ({ numRuns: RUNS, seed: SEED, endOnFailure: true, reporter: (d) => { if (d.failed) throw new Error(`Propriété en échec (FC_SEED=${d.seed}) : ${String((d.errorInstance as Error)?.message ?? d.errorInstance).slice(0, 2000)}`); } });

// ---- 1. signed cookies ------------------------------------------------------------------------
const now = () => Math.floor(Date.now() / 1000);
const b64 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 32, maxLength: 32 });
const live = fc.integer({ min: 60, max: 30 * 86400 }).map((s) => now() + s);
const expired = fc.integer({ min: 0, max: 30 * 86400 }).map((s) => now() - s);
const provider = fc.constantFrom('proconnect', 'psc');
const session = fc.record({ id: fc.emailAddress(), name: fc.string({ minLength: 1, maxLength: 40 }), provider, csrf: b64, exp: live });
const signIn = fc.record({ provider, state: b64, nonce: b64, verifier: b64, back: fc.constantFrom('/', '/cpts', '/snp?q=Colomiers'), exp: live });
/** Values no field of either shape accepts (wrong type, empty, too long, not a positive integer). */
const badValue = fc.constantFrom<unknown>(null, 0, -1, 1.5, true, [], {}, '', 'x'.repeat(600), ['x'], { id: 'admin@maillage.test' });
const FIELDS = ['id', 'name', 'provider', 'csrf', 'exp', 'state', 'nonce', 'verifier', 'back', 'sub', 'email', 'roles'];

type Payload = { kind: 'session' | 'autre'; value: unknown; text?: string };
const payload: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 4, arbitrary: session.map((value) => ({ kind: 'session' as const, value })) },
  { weight: 3, arbitrary: signIn.map((value) => ({ kind: 'autre' as const, value })) },
  // A session or a transaction with one field broken, missing or added, or expired.
  { weight: 3, arbitrary: fc.tuple(fc.oneof(session, signIn), fc.constantFrom(...FIELDS), badValue, fc.constantFrom('changé', 'retiré', 'expiré'), expired).map(([v, k, bad, how, past]) => {
    const value: Record<string, unknown> = { ...v };
    if (how === 'expiré') value.exp = past;
    else if (how === 'retiré' && k in value) delete value[k];
    else value[k] = bad;
    return { kind: 'autre' as const, value };
  }) },
  // The fields of both shapes, mixed.
  { weight: 2, arbitrary: fc.tuple(session, signIn).chain(([s, t]) => fc.subarray(FIELDS.slice(0, 9), { minLength: 1 })
    .filter((keys) => keys.join() !== 'id,name,provider,csrf,exp') // that one is a session
    .map((keys) => ({ kind: 'autre' as const, value: Object.fromEntries(keys.map((k) => [k, (s as any)[k] ?? (t as any)[k]])) }))) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'autre' as const, value })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80, unit: 'binary' }).map((text) => ({ kind: 'autre' as const, value: null, text })) },
);
type Signer = TokenPurpose | 'secret brut' | 'autre secret' | 'non signé';
/** Every purpose's key (the session's more often: the control that a session is still one), the secret itself, another, none. */
const signer = fc.oneof(
  ...TOKEN_PURPOSES.map((p) => ({ weight: p === 'session' ? 3 : 2, arbitrary: fc.constant<Signer>(p) })),
  { weight: 1, arbitrary: fc.constantFrom<Signer>('secret brut', 'autre secret', 'non signé') },
);

async function cookieValue(name: string, p: Payload, s: Signer): Promise<string> {
  const text = p.text ?? JSON.stringify(p.value);
  if (s === 'non signé') return encodeURIComponent(text);
  const key = s === 'secret brut' ? SESSION_SECRET : s === 'autre secret' ? 'un-autre-secret-de-trente-deux-caracteres' : purposeKey(SESSION_SECRET, s);
  return (await generateSignedCookie(name, text, key)).split(';')[0]!.slice(name.length + 1);
}

const ENDPOINTS: [string, string, string | undefined][] = [
  ['GET', '/api/session', undefined],
  ['GET', '/api/journal', undefined],
  ['GET', '/api/propositions', undefined],
  ['POST', '/api/roles', JSON.stringify({ identifiant: 'intrus@exemple.test', role: 'administrateur', territoire: 'france' })],
  ['POST', '/api/propositions', JSON.stringify({ cpts: 'REU-974-GRAND-SUD', ajouts: ['97422'] })],
  ['POST', '/api/imports/sas?nom=sas.csv', 'departement;statut\n974;opérationnel\n'],
  ['GET', '/api/auth/proconnect/retour?code=faux&state=faux', undefined],
  ['POST', '/api/auth/deconnexion', undefined],
];

describe('signed cookies of every purpose under every name (fast-check)', () => {
  it(`answers ${RUNS} crafted cookies as « pas de session » unless one is a live session signed for the session, with no 5xx and nothing written`, async () => {
    let sessions = 0;
    let n = 0;
    const cookie = fc.record({ name: fc.constantFrom(...COOKIES), payload, signer });
    const request = fc.record({ cookies: fc.array(cookie, { minLength: 1, maxLength: 2 }), endpoint: fc.constantFrom(...ENDPOINTS), csrf: fc.boolean() });
    await fc.assert(fc.asyncProperty(request, async ({ cookies, endpoint: [method, path, body], csrf }) => {
      n++;
      const values = await Promise.all(cookies.map(async (c) => `${c.name}=${await cookieValue(c.name, c.payload, c.signer)}`));
      // Hono reads the first cookie of a name: that one decides.
      const first = cookies.find((c) => c.name === 'maillage_session');
      const opened = first?.signer === 'session' && first.payload.kind === 'session' ? first.payload.value as { id: string; csrf: string } : null;
      if (opened) sessions++;
      const token = cookies.map((c) => (c.payload.value as { csrf?: unknown } | null)?.csrf).find((t) => typeof t === 'string');
      const headers: Record<string, string> = { cookie: values.join('; '), origin: server.url, 'content-type': path.startsWith('/api/imports') ? 'text/csv' : 'application/json' };
      if (csrf && typeof token === 'string') headers['x-csrf-token'] = token;
      const label = `${method} ${path} ${cookies.map((c) => `${c.name}/${c.signer}/${String(c.payload.text ?? JSON.stringify(c.payload.value)).slice(0, 160)}`).join(' + ')}`;
      const res = await fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' });
      const answer = res.clone();
      await checkAnswer(label, res);
      if (path === '/api/session') {
        expect(((await answer.json()) as any).utilisateur?.identifiant ?? null, label).toBe(opened?.id ?? null);
      } else if (path.includes('/retour')) {
        expect(answer.status, label).toBe(302);
        expect(answer.headers.get('location'), label).toMatch(/^\/(cpts|snp\?q=Colomiers)?[?&]connexion=echec$/);
        expect(answer.headers.getSetCookie().some((c) => c.startsWith('maillage_session=')), `${label} : aucune session ouverte`).toBe(false);
      } else if (path !== '/api/auth/deconnexion') {
        // Anonymous: 401. A session (of nobody with a role): 403, for the role or the CSRF token.
        expect(answer.status, label).toBe(opened ? 403 : 401);
      }
      if (n % 25 === 0) await nothingWritten(label);
    }), opts());
    expect(n).toBeGreaterThanOrEqual(RUNS);
    expect(sessions, 'des sessions valides sont reconnues (le test peut échouer)').toBeGreaterThan(RUNS / 25);
    await nothingWritten('fin', true);
  }, 240_000);
});

// ---- 2. redirect parameters -------------------------------------------------------------------
/** Any of 0x00–0x7F, and often one that matters in a path: `/`, `\\`, `.`, `:`, `#`, `?`, `@`, `%`, space, controls. */
const byte = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0x7f }) },
  { weight: 1, arbitrary: fc.constantFrom(0x2f, 0x2f, 0x5c, 0x2e, 0x3a, 0x23, 0x3f, 0x40, 0x25, 0x20, 0x00, 0x09, 0x0a, 0x0d, 0x7f) },
);
const encode = (bytes: number[]) => bytes.map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
const text = (bytes: number[]) => String.fromCharCode(...bytes);
/** A path of the app, as the web app sends it (no `//`, printable). */
const appPath = fc.tuple(fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 4 }), fc.option(fc.stringMatching(/^[a-z]{1,8}=[A-Za-z0-9,:-]{0,12}$/), { nil: undefined }))
  .map(([segments, query]) => `/${segments.join('/')}${query ? `?${query}` : ''}`);
const retour = fc.oneof(
  { weight: 3, arbitrary: fc.array(byte, { maxLength: 40 }) },
  { weight: 3, arbitrary: fc.array(byte, { maxLength: 40 }).map((b) => [0x2f, ...b]) }, // after a `/`
  { weight: 2, arbitrary: fc.tuple(appPath, fc.array(byte, { minLength: 1, maxLength: 4 }), fc.nat()).map(([p, b, i]) => { const s = [...p].map((ch) => ch.charCodeAt(0)); const at = 1 + (i % s.length); return [...s.slice(0, at), ...b, ...s.slice(at)]; }) },
  // A path of the app with a piece of an attack inside: a second slash, a backslash, a dot segment, a host.
  { weight: 2, arbitrary: fc.tuple(appPath, fc.constantFrom('//', '\\', '/\\', '\\/', '/./', '/../', '/.//', '//evil.test', '@evil.test', ':', '%2F%2F', '\t', '\r\n', ' '), fc.nat())
    .map(([p, piece, i]) => { const at = 1 + (i % p.length); return [...`${p.slice(0, at)}${piece}${p.slice(at)}`].map((ch) => ch.charCodeAt(0)); }) },
  { weight: 2, arbitrary: appPath.map((p) => [...p].map((ch) => ch.charCodeAt(0))) },
);
/** What the spec of issue 21 keeps: one leading `/`, printable ASCII, no `//`, no backslash. */
const kept = (s: string) => /^\/[\x21-\x7e]*$/.test(s) && !s.includes('//') && !s.includes('\\');
const CALLBACK_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'session_state', 'retour'];

describe('random bytes in every redirect parameter (fast-check)', () => {
  it(`answers ${RUNS} sign-ins with random return addresses and callbacks with a 302 to a path of the app, \`/\` unless the return address was one`, async () => {
    let n = 0;
    let keptPaths = 0;
    const request = fc.record({ retour, callback: fc.array(fc.tuple(fc.constantFrom(...CALLBACK_PARAMS), fc.array(byte, { maxLength: 30 })), { maxLength: 4 }) });
    await fc.assert(fc.asyncProperty(request, async ({ retour: bytes, callback }) => {
      n++;
      const label = `retour=${encode(bytes)}`;
      const start = await fetch(`${server.url}/api/auth/proconnect/connexion?retour=${encode(bytes)}`, { redirect: 'manual' });
      await checkAnswer(label, start.clone());
      expect(start.status, label).toBe(302);
      expect(start.headers.get('location')!.startsWith(fx.get().provider.issuer), label).toBe(true);
      const tx = start.headers.getSetCookie().find((c) => c.startsWith('maillage_connexion='))!.split(';')[0]!;
      const query = callback.map(([k, v]) => `${k}=${encode(v)}`).join('&');
      const label2 = `${label} puis retour?${query}`;
      const back = await fetch(`${server.url}/api/auth/proconnect/retour?${query}`, { redirect: 'manual', headers: { cookie: tx } });
      await checkAnswer(label2, back.clone());
      expect(back.status, label2).toBe(302);
      const location = back.headers.get('location')!;
      expect(kept(location), `${label2} → ${JSON.stringify(location)}`).toBe(true);
      expect(new URL(location, server.url).origin, label2).toBe(server.url);
      const asked = text(bytes);
      if (kept(asked) && asked.length <= 500) {
        keptPaths++;
        // The path asked comes back, with connexion=echec added to its query, before its fragment.
        const [path, fragment] = asked.includes('#') ? [asked.slice(0, asked.indexOf('#')), asked.slice(asked.indexOf('#'))] : [asked, ''];
        const join = !path.includes('?') ? '?' : /[?&]$/.test(path) ? '' : '&';
        expect(location, label2).toBe(`${path}${join}connexion=echec${fragment}`);
      } else {
        expect(location, label2).toBe('/?connexion=echec');
      }
      if (n % 25 === 0) await nothingWritten(label2);
    }), opts());
    expect(n).toBeGreaterThanOrEqual(RUNS);
    expect(keptPaths, 'des chemins de l\'application sont gardés (le test peut échouer)').toBeGreaterThan(RUNS / 10);
    await nothingWritten('fin', true);
  }, 240_000);
});
