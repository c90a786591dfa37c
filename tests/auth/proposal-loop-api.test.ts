/**
 * The proposal loop through the API on the fixture database (La Réunion, COG 2026): a coordinator
 * of CPTS Grand Sud Réunion proposes adding Le Tampon (97422, 82 579 hab.), the ARS delegate of 974
 * refuses then validates it; the perimeter, its versions and the CPTS coverage of 974 answer
 * « aujourd'hui » and « au <date d'avant> »; two reviewers at once cannot both win; a write without
 * the CSRF token, or from another origin, is refused and changes nothing; the audit log lists each
 * step for the delegate of the territory only, and exports as CSV.
 */
import { describe, expect, it } from 'vitest';
import { allChecksums, STATE_KINDS } from '../helpers/state-fixture';
import { departementRegions } from '../../server/src/db/role-queries';
import { changeRole } from '../../server/src/services/roles';
import { parisDay } from '../../server/src/lib/attachment';
import { APP_URL, useAuthFixture } from '../helpers/auth-fixture';
import type { SignedIn } from '../helpers/oidc-sign-in';

const CPTS = 'REU-974-GRAND-SUD';
const dayBefore = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const STATE = (t: string) => t.startsWith('etat.') || ['cpts', 'cpts_communes'].includes(t);

for (const kind of STATE_KINDS) {
  describe(`perimeter proposals — ${kind}`, () => {
    const fx = useAuthFixture({}, {}, kind);
    let coord: SignedIn;
    let ars: SignedIn;
    let ars2: SignedIn;
    let other: SignedIn;
    /** The delegate whose validation won the race. */
    let winner = '';
    const call = async (who: SignedIn | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fx.get().f.app.request(`${APP_URL}${path}`, { method, headers: { ...(who?.headers ?? {}), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    };

    it('signs the users in and grants their roles', async () => {
      const { f, signIn } = fx.get();
      const regionOf = await departementRegions(f.db);
      const grant = (identifiant: string, role: 'coordinateur' | 'délégué ARS', territoire: string) => changeRole(f.db, f.state, { machine: 'test' }, regionOf, { identifiant, role, territoire }, true);
      await grant('coordinatrice@cpts-grand-sud.test', 'coordinateur', `cpts:${CPTS}`);
      await grant('delegue974@ars-reunion.test', 'délégué ARS', 'departement:974');
      await grant('delegue@ars-reunion.test', 'délégué ARS', 'region:04');
      await grant('delegue44@ars-pdl.test', 'délégué ARS', 'departement:44');
      [coord, ars, ars2, other] = (await Promise.all(['coordinatrice', 'delegue-974', 'delegue-reunion', 'delegue-44'].map((l) => signIn(l)))) as [SignedIn, SignedIn, SignedIn, SignedIn];
      const me = await call(coord, 'GET', '/api/session');
      expect(me.body.utilisateur).toEqual({ identifiant: 'coordinatrice@cpts-grand-sud.test', nom: 'Camille Hoarau', fournisseur: 'proconnect', roles: [{ role: 'coordinateur', territoire: `cpts:${CPTS}` }] });
    });

    it('refuses a cookie write without the CSRF token or from another origin, changing nothing', async () => {
      const before = await allChecksums(fx.get().f, { only: STATE });
      const body = { cpts: CPTS, ajouts: ['97422'] };
      const noToken = await call(coord, 'POST', '/api/propositions', body, { 'x-csrf-token': '' });
      expect(noToken.status).toBe(403);
      expect(noToken.body.error.code).toBe('csrf');
      const otherOrigin = await call(coord, 'POST', '/api/propositions', body, { origin: 'https://malveillant.example' });
      expect(otherOrigin.status).toBe(403);
      expect(otherOrigin.body.error.message).toMatch(/origine inattendue/);
      const forged = await call(null, 'POST', '/api/propositions', body, { cookie: coord.cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'x-csrf-token': coord.csrf, 'content-type': 'application/json' });
      expect(forged.status).toBe(401); // a tampered cookie is no session
      expect(await allChecksums(fx.get().f, { only: STATE })).toEqual(before);
    });

    it('runs the loop: save, change, submit, refuse with a reason, resubmit, validate from today', async () => {
      const created = await call(coord, 'POST', '/api/propositions', { cpts: CPTS, ajouts: ['97422'], commentaire: 'Le Tampon rejoint la CPTS' });
      expect(created.status).toBe(201);
      let p = created.body.proposition;
      expect(p).toMatchObject({ etat: 'brouillon', ajouts: ['97422'], retraits: [], departements: ['974'], auteur: 'coordinatrice@cpts-grand-sud.test' });
      const bad = await call(coord, 'PUT', `/api/propositions/${p.id}`, { revision: p.revision, ajouts: ['97412'] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe('Proposition invalide : 97412 est déjà dans le périmètre.');
      p = (await call(coord, 'PUT', `/api/propositions/${p.id}`, { revision: p.revision, ajouts: ['97422'], retraits: ['97417'], commentaire: 'avec Saint-Philippe en moins' })).body.proposition;
      expect(p).toMatchObject({ etat: 'brouillon', retraits: ['97417'], revision: 2 });
      p = (await call(coord, 'POST', `/api/propositions/${p.id}/soumettre`, { revision: p.revision })).body.proposition;
      expect(p.etat).toBe('soumise');
      expect((await call(other, 'GET', '/api/propositions')).body.total).toBe(0);
      expect((await call(ars, 'GET', '/api/propositions?etat=soumise')).body.propositions.map((x: any) => x.id)).toEqual([p.id]);

      const noReason = await call(ars, 'POST', `/api/propositions/${p.id}/refuser`, { revision: p.revision, motif: ' ' });
      expect(noReason.status).toBe(400);
      p = (await call(ars, 'POST', `/api/propositions/${p.id}/refuser`, { revision: p.revision, motif: 'Saint-Philippe doit rester dans la CPTS' })).body.proposition;
      expect(p).toMatchObject({ etat: 'refusée', motif: 'Saint-Philippe doit rester dans la CPTS', decideePar: 'delegue974@ars-reunion.test' });
      expect((await call(coord, 'GET', `/api/propositions?cpts=${CPTS}`)).body.propositions[0]).toMatchObject({ etat: 'refusée', motif: 'Saint-Philippe doit rester dans la CPTS' });

      p = (await call(coord, 'PUT', `/api/propositions/${p.id}`, { revision: p.revision, ajouts: ['97422'], retraits: [] })).body.proposition;
      p = (await call(coord, 'POST', `/api/propositions/${p.id}/soumettre`, { revision: p.revision })).body.proposition;
      expect(p.etat).toBe('soumise');

      // Two reviewers validate at once on the same revision: exactly one wins (either), the other is told and writes nothing.
      const versionsBefore = (await call(null, 'GET', `/api/cpts/${CPTS}/versions`)).body.versions.length;
      const both = await Promise.all([ars, ars2].map((who) => call(who, 'POST', `/api/propositions/${p.id}/valider`, { revision: p.revision })));
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      const won = both.find((r) => r.status === 200)!;
      expect(both.find((r) => r.status === 409)!.body.error.code).toBe('conflit');
      expect(won.body.proposition).toMatchObject({ etat: 'validée', aPartirDu: parisDay(), motif: null });
      winner = won.body.proposition.decideePar;
      expect((await call(null, 'GET', `/api/cpts/${CPTS}/versions`)).body.versions.length).toBe(versionsBefore + 1);
      const again = await call(ars2, 'POST', `/api/propositions/${p.id}/valider`, { revision: p.revision });
      expect(again.status).toBe(409);

      // A later version cannot take effect before the one in force.
      const next = (await call(coord, 'POST', '/api/propositions', { cpts: CPTS, retraits: ['97405'] })).body.proposition;
      const sub = (await call(coord, 'POST', `/api/propositions/${next.id}/soumettre`, { revision: next.revision })).body.proposition;
      const early = await call(ars, 'POST', `/api/propositions/${next.id}/valider`, { revision: sub.revision, aPartirDu: '2020-01-01' });
      expect(early.status).toBe(400);
      expect(early.body.error.message).toBe(`Date d'effet antérieure à la version 1 du périmètre (en vigueur depuis le ${parisDay()}) : choisissez le ${parisDay()} ou après.`);
      expect((await call(ars, 'POST', `/api/propositions/${next.id}/refuser`, { revision: sub.revision, motif: 'non' })).status).toBe(200);
    });

    it('answers the perimeter, its versions and the coverage today and « au <date d\'avant> »', async () => {
      const today = parisDay();
      const before = dayBefore(today);
      const now = await call(null, 'GET', `/api/cpts/${CPTS}`);
      expect(now.body.communes.map((c: any) => c.code)).toEqual(['97405', '97412', '97417', '97422']);
      expect(now.body.cpts.population.calculee).toBe(57_356 + 82_579);
      const then = await call(null, 'GET', `/api/cpts/${CPTS}?date=${before}`);
      expect(then.body.communes.map((c: any) => c.code)).toEqual(['97405', '97412', '97417']);
      expect(then.body.cpts.population.calculee).toBe(57_356);

      const versions = (await call(null, 'GET', `/api/cpts/${CPTS}/versions`)).body.versions;
      expect(versions.map((v: any) => [v.version, v.aPartirDu, v.jusquAu, v.communes, v.ajouts, v.retraits, v.decidePar])).toEqual([
        [0, null, today, 3, [], [], null],
        [1, today, null, 4, ['97422'], [], winner],
      ]);

      const coverage = async (date?: string) => (await call(null, 'GET', `/api/coverage/cpts?territory=departement:974${date ? `&date=${date}` : ''}`)).body;
      const [t, y] = [await coverage(), await coverage(before)];
      expect(t.parametres.date).toBe(today);
      expect(y.parametres.date).toBe(before);
      expect(t.population.couverte - y.population.couverte).toBe(82_579);
      // The map's layers answer at the date too.
      const layers = async (date?: string) => ((await call(null, 'GET', `/api/coverage/cpts?territory=departement:974&format=geojson${date ? `&date=${date}` : ''}`)).body as any);
      const figures = (fc: any) => fc.features.map((x: any) => [x.properties.couche, x.properties.communes, x.properties.population]);
      // La Réunion's CPTS list is not declared complete: communes without CPTS are « non renseigné », not zones blanches.
      const layersBefore = figures(await layers(before));
      expect(layersBefore).toEqual([['cpts', 3, 57_356], ['non_renseigne', 21, expect.any(Number)]]);
      expect(figures(await layers())).toEqual([['cpts', 4, 57_356 + 82_579], ['non_renseigne', 20, layersBefore[1][2] - 82_579]]);
    });

    it('flags two open proposals touching the same commune to both reviewers', async () => {
      const p1 = (await call(coord, 'POST', '/api/propositions', { cpts: CPTS, retraits: ['97417'] })).body.proposition;
      const p2 = (await call(coord, 'POST', '/api/propositions', { cpts: CPTS, retraits: ['97417', '97405'] })).body.proposition;
      for (const p of [p1, p2]) await call(coord, 'POST', `/api/propositions/${p.id}/soumettre`, { revision: p.revision });
      const queue = (await call(ars, 'GET', '/api/propositions?etat=soumise')).body.propositions;
      expect(Object.fromEntries(queue.map((p: any) => [p.id, p.conflits]))).toEqual({
        [p1.id]: [{ id: p2.id, cptsId: CPTS, communes: ['97417'] }],
        [p2.id]: [{ id: p1.id, cptsId: CPTS, communes: ['97417'] }],
      });
    });

    it('lists each step in the audit log, for the delegate of the territory only, and exports it as CSV', async () => {
      const log = (await call(ars, 'GET', '/api/journal')).body.entrees;
      const actions = log.map((e: any) => e.action).reverse();
      expect(actions.slice(0, 8)).toEqual([
        'role.attribution', 'role.attribution', 'role.attribution', // coordinator, ARS 974, ARS région 04 (not the 44 one's)
        'proposition.creation', 'proposition.modification', 'proposition.soumission', 'proposition.refus', 'proposition.modification',
      ]);
      expect([...log].reverse().find((e: any) => e.action === 'proposition.refus')).toMatchObject({ auteur: 'delegue974@ars-reunion.test', avant: expect.stringContaining('97417'), apres: 'refusée — motif : Saint-Philippe doit rester dans la CPTS' });
      expect(log.find((e: any) => e.action === 'proposition.validation').apres).toMatch(/^validée : version 1 du périmètre \(4 communes\) à partir du \d{4}-\d{2}-\d{2}$/);
      expect(log.some((e: any) => e.objet === 'delegue44@ars-pdl.test')).toBe(false);
      expect((await call(other, 'GET', '/api/journal')).body.entrees.map((e: any) => e.objet)).toEqual(['delegue44@ars-pdl.test']);
      expect((await call(coord, 'GET', '/api/journal')).status).toBe(403);
      expect((await call(null, 'GET', '/api/journal')).status).toBe(401);
      const res = await fx.get().f.app.request(`${APP_URL}/api/journal?format=csv`, { headers: ars.headers });
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="journal_${parisDay()}.csv"`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: French Excel reads the accents
      const csv = new TextDecoder().decode(bytes);
      expect(csv.split('\r\n')[0]).toBe('date;auteur;action;objet;départements;avant;après;détail');
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(log.length + 1);
    });

    it('versions a later import of a CPTS that has versions, instead of hiding it behind the validated perimeter', async () => {
      const csv = 'id_cpts;nom;statut;date_statut;commune_insee;source\nREU-974-GRAND-SUD;CPTS Grand Sud Réunion;ACI signé;2020-12-23;97412;import de test\n';
      const res = await fx.get().f.app.request(`${APP_URL}/api/imports/cpts?nom=cpts-974.csv`, { method: 'POST', headers: { authorization: 'Bearer jeton-de-test' }, body: csv });
      expect(res.status).toBe(201);
      expect((await call(null, 'GET', `/api/cpts/${CPTS}`)).body.communes.map((c: any) => c.code)).toEqual(['97412']);
      const versions = (await call(null, 'GET', `/api/cpts/${CPTS}/versions`)).body.versions;
      const today = parisDay();
      expect(versions.map((v: any) => [v.version, v.origine, v.aPartirDu, v.communes, v.ajouts, v.retraits])).toEqual([
        [2, 'données', null, 3, [], []], // the data's perimeter, saved before the import replaced it
        [1, 'proposition', today, 4, ['97422'], []],
        [3, 'import', today, 1, [], ['97405', '97417', '97422']],
      ]);
      // The day before still answers the data's perimeter.
      expect((await call(null, 'GET', `/api/cpts/${CPTS}?date=${dayBefore(today)}`)).body.communes.map((c: any) => c.code)).toEqual(['97405', '97412', '97417']);
      const log = (await call(ars, 'GET', '/api/journal')).body.entrees;
      expect(log[0]).toMatchObject({ action: 'import', auteur: 'jeton MAILLAGE_EDITOR_TOKEN', departements: ['974'], detail: 'cpts — cpts-974.csv' });
    });

    it('versions an import of a CPTS without versions too: its former perimeter still answers the day before', async () => {
      const id = 'PDL-44-ERDRE-ET-CENS';
      const former = (await call(null, 'GET', `/api/cpts/${id}`)).body.communes.map((c: any) => c.code);
      expect(former).toEqual(['44035', '44114', '44194']);
      const csv = `id_cpts;nom;statut;date_statut;commune_insee;source\n${id};CPTS Erdre et Cens;ACI signé;2022-06-01;44035;import de test\n`;
      const res = await fx.get().f.app.request(`${APP_URL}/api/imports/cpts?nom=cpts-44.csv`, { method: 'POST', headers: { authorization: 'Bearer jeton-de-test' }, body: csv });
      expect(res.status).toBe(201);
      const today = parisDay();
      expect((await call(null, 'GET', `/api/cpts/${id}`)).body.communes.map((c: any) => c.code)).toEqual(['44035']);
      expect((await call(null, 'GET', `/api/cpts/${id}?date=${dayBefore(today)}`)).body.communes.map((c: any) => c.code)).toEqual(former);
      expect((await call(null, 'GET', `/api/cpts/${id}/versions`)).body.versions.map((v: any) => [v.origine, v.aPartirDu, v.jusquAu, v.communes, v.retraits])).toEqual([
        ['données', null, today, 3, []],
        ['import', today, null, 1, ['44114', '44194']],
      ]);
    });
  });
}
