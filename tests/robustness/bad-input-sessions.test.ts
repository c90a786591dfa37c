/**
 * Property-based suite of issue 11 with signed-in users (fast-check). The suite beside it
 * (bad-input-properties) writes with the editor token only, so the routes of issue 9 (proposals,
 * roles, audit, CPTS versions) refuse it before their validation runs. Here a coordinator of the
 * CPTS, the ARS delegate of its département and an administrator sign in through the local OpenID
 * provider's real pages, and each bad request goes, with a valid session and CSRF token, to the
 * route's right actor most of the time: the bad body reaches the route's validation and its
 * service's checks. Bodies are a valid request with at least one field made invalid (wrong type,
 * out of range, unknown commune, CPTS or territory, stale revision, missing field), or malformed
 * JSON; and unreadable files to every import kind from the ARS delegate, who may import there.
 * Every answer: no 5xx, French, the documented error shape; and every table of the database
 * and of the state store keeps its checksum. Deterministic (seed 20261202); FC_SEED / FC_RUNS.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departementRegions } from '../../server/src/db/role-queries';
import { allChecksums } from '../helpers/state-fixture';
import { changeRole } from '../../server/src/services/roles';
import { APP_URL, useAuthFixture } from '../helpers/auth-fixture';
import { checkAnswer, HOSTILE } from './bad-answer';

const SEED = Number(process.env.FC_SEED ?? 20261202);
const RUNS = Number(process.env.FC_RUNS ?? 800);
const CPTS = 'REU-974-GRAND-SUD'; // communes 97405, 97412, 97417 (département 974)

type Actor = 'coordinateur' | 'ars' | 'admin';
const fx = useAuthFixture({ writesPerMinute: 1_000_000, signInPerMinute: 1_000 });

// ---- invalid values, per field (each one alone makes the request invalid) --------------------
const badRevision = (rev: number) => fc.constantFrom<unknown>('abc', String(rev), 0, -1, 1.5, null, true, [], {}, rev + 7, 2 ** 53, '');
const badCodes = fc.oneof(
  // Well-formed codes of no commune: only the service can refuse them.
  { weight: 1, arbitrary: fc.constantFrom<unknown>(['99999'], ['2A999'], ['97499'], ['97422', '00000']) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>('97422', 97422, [97422], [null], ['abc'], ['2C004'], [{}], {}, null, Array(2001).fill('97422'), [' '], ['9742'], ['x'.repeat(3000)]) },
);
const badText = fc.constantFrom<unknown>(123, {}, [], true, 'é'.repeat(2001));
const badCpts = fc.constantFrom<unknown>('', '   ', 'x'.repeat(101), 123, null, {}, 'INCONNUE', 'REU-974-grand-sud', `${CPTS} `.repeat(9));
const badMotif = fc.constantFrom<unknown>('', '   ', 'm'.repeat(2001), 5, null, []);
const badDay = fc.constantFrom<unknown>('2026-02-30', '2026-13-01', 'demain', 20260101, '', '0000-00-00', '2026-1-1', null);
const badIdentifiant = fc.constantFrom<unknown>('a b@c.fr', 'ab', `${'x'.repeat(250)}@c.fr`, 42, null, '', '\t', 'x\u00a0y');
const badRole = fc.constantFrom<unknown>('roi', '', 'Administrateur', 'délégué', 5, null, ['coordinateur']);
const badTerritoire = fc.constantFrom<unknown>('', 'x'.repeat(121), 'departement:99', 'departement:', 'region:99', 'cpts:INCONNUE', 'cpts:', 'lune', 7, 'france:44');

interface Target {
  method: string;
  path: string;
  actor: Actor;
  /** A valid body and, per field, values that make it invalid (one at least is applied). */
  base: Record<string, unknown>;
  breakers: Record<string, fc.Arbitrary<unknown>>;
  /** Fields that may be deleted instead of replaced. */
  required?: string[];
}

/** A valid body with one or more fields replaced by invalid values, or deleted when required. */
const brokenBody = (t: Target) => fc.tuple(
  // Mostly one field broken (the others valid), so that each check is reached on its own.
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...Object.keys(t.breakers)).map((k) => [k]) },
    { weight: 1, arbitrary: fc.subarray(Object.keys(t.breakers), { minLength: 1 }) },
  ).chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), t.breakers[k]!, fc.boolean())))),
  fc.option(fc.tuple(fc.constantFrom('inconnu', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 1 })), { nil: undefined }),
).map(([changes, extra]) => {
  const body: Record<string, unknown> = { ...t.base };
  for (const [k, v, drop] of changes) {
    if (drop && t.required?.includes(k)) delete body[k];
    else body[k] = v;
  }
  if (extra) body[extra[0]] = extra[1];
  return JSON.stringify(body);
});

const FIELDS = new Set(['cpts', 'ajouts', 'retraits', 'commentaire', 'revision', 'motif', 'aPartirDu', 'identifiant', 'role', 'territoire']);
const malformed = fc.oneof(
  fc.constantFrom('{', '{"revision": 1,}', "{'revision': 1}", 'null', '', '[]', '"texte"', '\ufeff{}', '{"revision": NaN}', '{"ajouts": [' + '"97422",'.repeat(30_000) + '"97422"]}'),
  fc.string({ maxLength: 120, unit: 'binary' }),
  // Unrelated JSON: never an object carrying a field of these routes (it could be a valid request).
  fc.jsonValue({ maxDepth: 3 }).filter((v) => !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => FIELDS.has(k)))).map((v) => JSON.stringify(v)),
);
/** Files no import can accept: bytes, text with hostile cells, a header alone, a wrong separator. */
const badFile = fc.oneof(
  fc.uint8Array({ maxLength: 1500 }).map((b) => new TextDecoder('latin1').decode(b)),
  fc.array(fc.array(fc.constantFrom(...HOSTILE.slice(0, 50), ';', '"'), { maxLength: 8 }).map((c) => c.join(';')), { maxLength: 12 }).map((l) => l.join('\n')),
  fc.constantFrom('departement;statut;date_debut;precision_date;telephone;filiere;filiere_depuis;note;source\n', 'departement,statut\n974,opérationnel\n', '\ufeff', 'PK\u0003\u0004'),
);
const badId = fc.constantFrom(...HOSTILE.slice(0, 40), 'prop-inconnue', 'x'.repeat(101), ' ');

describe('bad input from signed-in users (fast-check)', () => {
  it(`answers ${RUNS} bad requests of coordinators, ARS delegates and administrators without a 5xx, in French, in the error shape, and changes no table`, async () => {
    const { f, signIn } = fx.get();
    const regionOf = await departementRegions(f.db);
    const grants: [string, 'coordinateur' | 'délégué ARS' | 'administrateur', string][] = [
      ['coordinatrice@cpts-grand-sud.test', 'coordinateur', `cpts:${CPTS}`],
      ['delegue974@ars-reunion.test', 'délégué ARS', 'departement:974'],
      ['admin@maillage.test', 'administrateur', 'france'],
    ];
    for (const [identifiant, role, territoire] of grants) await changeRole(f.db, f.state, { machine: 'test' }, regionOf, { identifiant, role, territoire }, true);
    const sessions: Record<Actor, Record<string, string>> = {
      coordinateur: (await signIn('coordinatrice')).headers,
      ars: (await signIn('delegue-974')).headers,
      admin: (await signIn('admin')).headers,
    };
    const call = async (actor: Actor, method: string, path: string, body: unknown) => {
      const res = await f.app.request(`${APP_URL}${path}`, { method, headers: sessions[actor], body: JSON.stringify(body) });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      return ((await res.json()) as any).proposition as { id: string; revision: number };
    };
    // Real state for the bad requests to aim at: a draft and a submitted proposal.
    const draft = await call('coordinateur', 'POST', '/api/propositions', { cpts: CPTS, ajouts: ['97422'], commentaire: 'brouillon des propriétés' });
    const created = await call('coordinateur', 'POST', '/api/propositions', { cpts: CPTS, retraits: ['97417'] });
    const submitted = await call('coordinateur', 'POST', `/api/propositions/${created.id}/soumettre`, { revision: created.revision });

    const role = { identifiant: 'nouvelle@cpts.test', role: 'coordinateur', territoire: `cpts:${CPTS}` };
    const roleBreakers = { identifiant: badIdentifiant, role: badRole, territoire: badTerritoire };
    const targets: Target[] = [
      { method: 'POST', path: '/api/propositions', actor: 'coordinateur', base: { cpts: CPTS, ajouts: ['97422'], retraits: [], commentaire: 'essai' }, breakers: { cpts: badCpts, ajouts: badCodes, retraits: badCodes, commentaire: badText }, required: ['cpts'] },
      { method: 'PUT', path: `/api/propositions/${draft.id}`, actor: 'coordinateur', base: { revision: draft.revision, ajouts: ['97422', '97416'], commentaire: 'modifiée' }, breakers: { revision: badRevision(draft.revision), ajouts: badCodes, retraits: badCodes, commentaire: badText }, required: ['revision'] },
      { method: 'POST', path: `/api/propositions/${draft.id}/soumettre`, actor: 'coordinateur', base: { revision: draft.revision }, breakers: { revision: badRevision(draft.revision) }, required: ['revision'] },
      { method: 'POST', path: `/api/propositions/${submitted.id}/valider`, actor: 'ars', base: { revision: submitted.revision, motif: 'conforme' }, breakers: { revision: badRevision(submitted.revision), aPartirDu: badDay, motif: badText }, required: ['revision'] },
      { method: 'POST', path: `/api/propositions/${submitted.id}/refuser`, actor: 'ars', base: { revision: submitted.revision, motif: 'à revoir' }, breakers: { revision: badRevision(submitted.revision), motif: badMotif }, required: ['revision', 'motif'] },
      { method: 'POST', path: '/api/roles', actor: 'ars', base: role, breakers: roleBreakers, required: ['identifiant', 'role', 'territoire'] },
      { method: 'DELETE', path: '/api/roles', actor: 'admin', base: { identifiant: 'coordinatrice@cpts-grand-sud.test', role: 'coordinateur', territoire: `cpts:${CPTS}` }, breakers: roleBreakers, required: ['identifiant', 'role', 'territoire'] },
      { method: 'POST', path: '/api/roles', actor: 'admin', base: { identifiant: 'ars@ars.test', role: 'délégué ARS', territoire: 'departement:974' }, breakers: roleBreakers, required: ['identifiant', 'role', 'territoire'] },
    ];
    const byPath = (id: string) => [
      ['PUT', `/api/propositions/${id}`, 'coordinateur'], ['POST', `/api/propositions/${id}/soumettre`, 'coordinateur'],
      ['POST', `/api/propositions/${id}/valider`, 'ars'], ['POST', `/api/propositions/${id}/refuser`, 'ars'],
    ] as const;
    const reads = ['/api/propositions', `/api/propositions/${draft.id}`, '/api/roles', '/api/journal', `/api/cpts/${CPTS}/versions`, '/api/session'];

    const GEOGRAPHY = ['commune_passage', 'communes', 'datasets', 'departements', 'epci', 'regions', 'tiles'];
    const before = await allChecksums(f);
    const written = (t: string) => !GEOGRAPHY.includes(t);
    const writtenBefore = Object.fromEntries(Object.entries(before).filter(([k]) => written(k)));
    let requests = 0;
    const seen = new Map<string, number>();
    const send = async (actor: Actor, method: string, path: string, body: string | undefined, csrf: boolean) => {
      requests++;
      const headers = { ...sessions[actor] };
      if (path.startsWith('/api/imports/')) headers['content-type'] = 'text/csv';
      if (!csrf) delete headers['x-csrf-token'];
      const label = `${actor} ${method} ${path} ${(body ?? '').slice(0, 200)}`;
      const res = await f.app.request(`${APP_URL}${path}`, { method, headers, body });
      const key = `${method} ${path.split('?')[0]!.replace(/propositions\/[^/]+/, 'propositions/:id')} ${res.status}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      await checkAnswer(label, res);
      // The care offer and the state store, every 25 requests (the geography once, at the end).
      if (requests % 25 === 0) expect(await allChecksums(f, { only: written }), `${label} (ou l'une des 24 précédentes) : rien ne doit changer`).toEqual(writtenBefore);
    };
    const anyActor = fc.constantFrom<Actor>('coordinateur', 'ars', 'admin');
    const request = fc.oneof(
      // A valid request with invalid fields, from the route's right actor (or another one).
      { weight: 6, arbitrary: fc.constantFrom(...targets).chain((t) => fc.record({ t: fc.constant(t), body: brokenBody(t), actor: fc.oneof({ weight: 4, arbitrary: fc.constant(t.actor) }, { weight: 1, arbitrary: anyActor }), csrf: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }))
        .map(({ t, body, actor, csrf }) => ({ actor, method: t.method, path: t.path, body, csrf })) },
      // Malformed or unrelated JSON to every write route, any proposal id (unknown, hostile, real).
      { weight: 2, arbitrary: fc.record({
        route: fc.oneof(fc.constantFrom(...targets.map((t) => [t.method, t.path, t.actor] as const)), fc.tuple(fc.constantFrom(draft.id, submitted.id), badId).chain(([real, bad]) => fc.constantFrom(...byPath(real), ...byPath(encodeURIComponent(bad))))),
        body: malformed, actor: anyActor,
      }).map(({ route, body }) => ({ actor: route[2], method: route[0], path: route[1], body, csrf: true })) },
      // Unreadable files to the imports, from the ARS delegate of 974 (who may import there).
      { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('sas', 'cpts', 'mmg', 'urgences', 'finess', 'cpts-perimetres', 'deploiements', 'inconnu'), file: badFile })
        .map(({ kind, file }) => ({ actor: 'ars' as Actor, method: 'POST', path: `/api/imports/${kind}?nom=essai.csv`, body: file, csrf: true })) },
      // Reads of issue 9 with bad query parameters.
      { weight: 1, arbitrary: fc.record({ path: fc.constantFrom(...reads), q: fc.array(fc.tuple(fc.constantFrom('cpts', 'etat', 'format', 'date', 'id'), fc.constantFrom(...HOSTILE)), { minLength: 1, maxLength: 3 }), actor: anyActor })
        .map(({ path, q, actor }) => ({ actor, method: 'GET', path: `${path}?${q.map(([k, v]) => `${k}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))}`).join('&')}`, body: undefined, csrf: true })) },
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => send(r.actor, r.method, r.path, r.body, r.csrf)),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, reporter: (d) => { if (d.failed) throw new Error(`Propriété en échec (FC_SEED=${d.seed}) : ${String((d.errorInstance as Error)?.message ?? d.errorInstance).slice(0, 2000)}`); } },
    );
    expect(requests).toBeGreaterThanOrEqual(RUNS);
    // The bad bodies reached each route's validation (400), not only the policy (401/403).
    const count = (re: RegExp) => [...seen].filter(([k]) => re.test(k)).reduce((n, [, v]) => n + v, 0);
    for (const t of targets) {
      const route = `${t.method} ${t.path.replace(/propositions\/[^/]+/, 'propositions/:id')}`;
      expect(count(new RegExp(`^${route.replace(/[/:]/g, '\\$&')} 400$`)), `${route} : réponses 400`).toBeGreaterThanOrEqual(RUNS / 40);
    }
    expect(count(/ 40[13]$/) / requests, 'part des refus 401/403').toBeLessThan(0.2);
    expect(count(/ 409$/), 'révisions périmées refusées par le service').toBeGreaterThan(0);
    expect(await allChecksums(f)).toEqual(before);
  }, 240_000);
});
