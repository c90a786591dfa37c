/**
 * The authorization matrix: every write endpoint × every kind of actor (anonymous, a signed-in user
 * without role, coordinators and ARS delegates of the territory concerned and of another one, the
 * administrator, the machine token scoped to the territory or to another) → 401, 403 or 2xx; on
 * every refusal no table of the database nor of the state store changes (checksums); on every
 * success something did. Users sign in through the local OpenID provider's real pages.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { allChecksums, STATE_KINDS } from '../helpers/state-fixture';
import { departementRegions } from '../../server/src/db/role-queries';
import { changeRole } from '../../server/src/services/roles';
import type { RoleName } from '../../server/src/db/state-schema';
import { topologyFromFile } from '../../server/src/geo/topology-store';
import { join } from 'node:path';
import { APP_URL, useAuthFixture } from '../helpers/auth-fixture';

const CPTS = 'REU-974-GRAND-SUD'; // communes 97405, 97412, 97417 (département 974)
const ACTORS = ['anonyme', 'lecteur', 'coordinateur du territoire', 'coordinateur d\'ailleurs', 'ARS du territoire', 'ARS d\'ailleurs', 'administrateur', 'jeton du territoire', 'jeton d\'ailleurs'] as const;
type ActorName = (typeof ACTORS)[number];

const GRANTS: [string, RoleName, string][] = [
  ['coordinatrice@cpts-grand-sud.test', 'coordinateur', `cpts:${CPTS}`],
  ['coordinateur@cpts-autre.test', 'coordinateur', 'cpts:PDL-44-ERDRE-ET-CENS'],
  ['delegue974@ars-reunion.test', 'délégué ARS', 'departement:974'],
  ['delegue44@ars-pdl.test', 'délégué ARS', 'departement:44'],
  ['admin@maillage.test', 'administrateur', 'france'],
];
const LOGINS: Partial<Record<ActorName, string>> = {
  lecteur: 'lecteur', 'coordinateur du territoire': 'coordinatrice', 'coordinateur d\'ailleurs': 'coordinateur-autre',
  'ARS du territoire': 'delegue-974', 'ARS d\'ailleurs': 'delegue-44', administrateur: 'admin',
};

interface Endpoint {
  name: string;
  /** Prepares what the request needs (a proposal in the right state, a role to revoke) and returns it. */
  request(setup: Setup): Promise<{ method: string; path: string; body?: unknown; raw?: Uint8Array }>;
  expect: Record<ActorName, number>;
}

interface Setup {
  proposal(state: 'brouillon' | 'soumise'): Promise<{ id: string; revision: number }>;
  n: number;
}

const only = (ok: number, ...who: ActorName[]): Record<ActorName, number> =>
  Object.fromEntries(ACTORS.map((a) => [a, a === 'anonyme' ? 401 : who.includes(a) ? ok : 403])) as Record<ActorName, number>;

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /propositions', expect: only(201, 'coordinateur du territoire'), request: async () => ({ method: 'POST', path: '/api/propositions', body: { cpts: CPTS, ajouts: ['97422'], commentaire: 'matrice' } }) },
  { name: 'PUT /propositions/:id', expect: only(200, 'coordinateur du territoire'), request: async (s) => {
    const p = await s.proposal('brouillon');
    return { method: 'PUT', path: `/api/propositions/${p.id}`, body: { revision: p.revision, ajouts: ['97422', '97416'], commentaire: 'modifiée' } };
  } },
  { name: 'POST /propositions/:id/soumettre', expect: only(200, 'coordinateur du territoire'), request: async (s) => {
    const p = await s.proposal('brouillon');
    return { method: 'POST', path: `/api/propositions/${p.id}/soumettre`, body: { revision: p.revision } };
  } },
  { name: 'POST /propositions/:id/refuser', expect: only(200, 'ARS du territoire'), request: async (s) => {
    const p = await s.proposal('soumise');
    return { method: 'POST', path: `/api/propositions/${p.id}/refuser`, body: { revision: p.revision, motif: 'à revoir' } };
  } },
  { name: 'POST /propositions/:id/valider', expect: only(200, 'ARS du territoire'), request: async (s) => {
    const p = await s.proposal('soumise');
    return { method: 'POST', path: `/api/propositions/${p.id}/valider`, body: { revision: p.revision } };
  } },
  { name: 'POST /roles (coordinateur)', expect: only(201, 'ARS du territoire', 'administrateur'), request: async (s) => ({ method: 'POST', path: '/api/roles', body: { identifiant: `nouveau${s.n}@cpts.test`, role: 'coordinateur', territoire: `cpts:${CPTS}` } }) },
  { name: 'POST /roles (délégué ARS)', expect: only(201, 'administrateur'), request: async (s) => ({ method: 'POST', path: '/api/roles', body: { identifiant: `ars${s.n}@ars.test`, role: 'délégué ARS', territoire: 'departement:974' } }) },
  { name: 'DELETE /roles (coordinateur)', expect: only(200, 'ARS du territoire', 'administrateur'), request: async (s) => ({ method: 'DELETE', path: '/api/roles', body: { identifiant: 'coordinateur@cpts-autre.test', role: 'coordinateur', territoire: `cpts:${CPTS}` } }) },
  { name: 'POST /imports/sas (974)', expect: only(201, 'ARS du territoire', 'jeton du territoire'), request: async (s) => ({
    method: 'POST', path: '/api/imports/sas?nom=sas-974.csv',
    raw: new TextEncoder().encode(`departement;statut;date_debut;precision_date;telephone;filiere;filiere_depuis;note;source\n974;opérationnel;2024;;;;;matrice ${s.n};test de la matrice\n`),
  }) },
  // Issue 22: a « liste complète » declared on its own is an import of the départements it names (a new day each time: something changes).
  { name: 'POST /imports/liste-complete (974)', expect: only(201, 'ARS du territoire', 'jeton du territoire'), request: async (s) => ({
    method: 'POST', path: `/api/imports/liste-complete?liste_complete=974&liste=cpts&complete_au=2026-01-${String((s.n % 28) + 1).padStart(2, '0')}&source=matrice`,
  }) },
];


for (const kind of STATE_KINDS) {
  describe(`authorization matrix — ${kind}`, () => {
    const fx = useAuthFixture({}, {}, kind);
    it('answers every write endpoint × actor as the policy says, and a refusal changes nothing', async () => {
      const { f, signIn } = fx.get();
      const regionOf = await departementRegions(f.db);
      for (const [identifiant, role, territoire] of GRANTS) await changeRole(f.db, f.state, { machine: 'test' }, regionOf, { identifiant, role, territoire }, true);
      const sessions = new Map<ActorName, Record<string, string>>();
      for (const [actor, login] of Object.entries(LOGINS)) sessions.set(actor as ActorName, (await signIn(login!)).headers);
      const topology = topologyFromFile(join(f.dir, 'communes.topo.json'));
      const tokenApp = (territoires: string[]) => createApp({ db: f.db, state: f.state, topology, config: { basemap: 'offline', editorToken: 'jeton-matrice', editorTokenTerritories: territoires, demo: true } });
      const tokenApps: Partial<Record<ActorName, ReturnType<typeof createApp>>> = { 'jeton du territoire': tokenApp(['departement:974']), 'jeton d\'ailleurs': tokenApp(['departement:44']) };

      const coord = sessions.get('coordinateur du territoire')!;
      const call = async (headers: Record<string, string>, method: string, path: string, body?: unknown) => {
        const res = await f.app.request(`${APP_URL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as any };
      };
      const perimeter = async () => ((await call({}, 'GET', `/api/cpts/${CPTS}`)).body.communes as { code: string }[]).map((c) => c.code);
      let n = 0;
      const setup: Setup = {
        get n() { return n; },
        async proposal(state) {
          // Toggle Le Tampon: in the perimeter once a proposal adding it has been validated.
          const change = (await perimeter()).includes('97422') ? { retraits: ['97422'] } : { ajouts: ['97422'] };
          const created = await call(coord, 'POST', '/api/propositions', { cpts: CPTS, ...change });
          expect(created.status).toBe(201);
          let p = created.body.proposition;
          if (state === 'soumise') p = (await call(coord, 'POST', `/api/propositions/${p.id}/soumettre`, { revision: p.revision })).body.proposition;
          return { id: p.id, revision: p.revision };
        },
      };

      // The geography (communes, tiles…) is checked once around the whole matrix; the care offer and the state store around every request.
      const GEOGRAPHY = ['arrondissements_municipaux', 'boundary_tiles', 'commune_passage', 'communes', 'datasets', 'departements', 'epci', 'regions', 'tiles'];
      const geographyBefore = await allChecksums(f, { only: (t) => GEOGRAPHY.includes(t) });
      const written = (t: string) => !GEOGRAPHY.includes(t);
      const seen: Record<string, Record<string, number>> = {};
      for (const e of ENDPOINTS) {
        for (const actor of ACTORS) {
          n++;
          if (e.name === 'DELETE /roles (coordinateur)') await changeRole(f.db, f.state, { machine: 'test' }, regionOf, { identifiant: 'coordinateur@cpts-autre.test', role: 'coordinateur', territoire: `cpts:${CPTS}` }, true);
          const r = await e.request(setup);
          const before = await allChecksums(f, { only: written });
          const headers: Record<string, string> = { ...(sessions.get(actor) ?? { origin: APP_URL }), 'content-type': r.raw ? 'text/csv' : 'application/json' };
          const app = tokenApps[actor] ?? f.app;
          if (tokenApps[actor]) headers.authorization = 'Bearer jeton-matrice';
          const res = await app.request(`${APP_URL}${r.path}`, { method: r.method, headers, body: r.raw ? Buffer.from(r.raw) : r.body === undefined ? undefined : JSON.stringify(r.body) });
          (seen[e.name] ??= {})[actor] = res.status;
          const after = await allChecksums(f, { only: written });
          if (res.status >= 400) expect(after, `${e.name} × ${actor} : rien ne doit changer`).toEqual(before);
          else expect(after, `${e.name} × ${actor} : l'écriture a eu lieu`).not.toEqual(before);
        }
      }
      expect(seen).toEqual(Object.fromEntries(ENDPOINTS.map((e) => [e.name, e.expect])));
      expect(await allChecksums(f, { only: (t) => GEOGRAPHY.includes(t) })).toEqual(geographyBefore);
    }, 300_000);
  });
}
