/**
 * The whole loop in the browser, signing in through the local OpenID provider's real login and
 * consent pages: the coordinator of CPTS Grand Sud Réunion saves a proposal adding Le Tampon
 * (82 579 hab.), reopens it from « Mes propositions », submits it; the ARS delegate of La Réunion
 * opens it from the queue, reads its effect, refuses it with a reason; the coordinator resubmits;
 * the delegate validates it. The CPTS page, the CPTS coverage of 974 « aujourd'hui » and « au <date
 * d'avant> » show the right perimeter; the audit log lists each step. On both state stores: the
 * embedded PGlite folder and a PostgreSQL server.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDevOidcProvider, type RunningProvider } from '../../scripts/lib/dev-oidc-provider';
import { freePort } from '../../scripts/lib/run-server';
import { openDatabase } from '../../server/src/db/connection';
import { departementRegions } from '../../server/src/db/role-queries';
import { parisDay } from '../../server/src/lib/attachment';
import { changeRole } from '../../server/src/services/roles';
import { devClient, SESSION_SECRET } from '../helpers/auth-fixture';
import { launchBrowser, screenshot } from './helpers/browser';
import { startProductionServer, type RunningServer } from './helpers/production-server';
import { freshStateLocation, STATE_KINDS, type StateKind, type StateLocation } from '../helpers/state-fixture';

const CPTS = '/cpts/REU-974-GRAND-SUD';
let provider: RunningProvider | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let url = '';
let location: StateLocation | undefined;
const errors: string[] = [];


async function userPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The local provider's own pages (its fonts, its favicon) are not the app's.
    if (m.type() === 'error' && !m.text().includes('favicon') && !page.url().startsWith(provider!.issuer)) errors.push(`console: ${m.text()} (${m.location().url} sur ${page.url()})`);
  });
  return { context, page };
}

/** « Se connecter » → ProConnect → the provider's login and consent pages → back to the page. */
async function signIn(page: Page, login: string, name: string) {
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Se connecter', level: 1 }).waitFor();
  await page.getByRole('link', { name: /S’identifier avec\s*ProConnect/ }).click();
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('mot de passe de test');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('utilisateur').filter({ hasText: name }).first().waitFor();
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s/g, ' ');
const draftSection = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: 'Brouillon de périmètre' }) });

async function start(kind: StateKind) {
  const fixture = inject('fixtureDir');
  location = await freshStateLocation(kind);
  const db = await openDatabase(join(fixture, 'maillage.duckdb'), { readOnly: true });
  const state = await location.open();
  const regionOf = await departementRegions(db);
  await changeRole(db, state, { machine: 'test' }, regionOf, { identifiant: 'coordinatrice@cpts-grand-sud.test', role: 'coordinateur', territoire: 'cpts:REU-974-GRAND-SUD' }, true);
  await changeRole(db, state, { machine: 'test' }, regionOf, { identifiant: 'delegue974@ars-reunion.test', role: 'délégué ARS', territoire: 'departement:974' }, true);
  db.close();
  await state.close(); // PGlite: the server is the only process on the folder
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  provider = await startDevOidcProvider({ clients: [devClient(url)] });
  server = await startProductionServer({
    geodataDir: fixture, port,
    env: {
      ...location.env, MAILLAGE_SESSION_SECRET: SESSION_SECRET, MAILLAGE_PUBLIC_URL: url,
      MAILLAGE_PROCONNECT_ISSUER: provider.issuer, MAILLAGE_PROCONNECT_CLIENT_ID: devClient(url).clientId, MAILLAGE_PROCONNECT_CLIENT_SECRET: devClient(url).clientSecret,
    },
  });
  browser = await launchBrowser();
}

async function stop() {
  await browser?.close();
  await server?.stop();
  await provider?.stop();
  await location?.dispose();
}

for (const kind of STATE_KINDS) {
  describe(`the proposal loop — ${kind}`, () => {
    beforeAll(() => start(kind));
    afterAll(stop);
    it('goes from a coordinator\'s draft to an ARS-validated perimeter, with its history and audit log', async () => {
      const coord = await userPage();
      const c = coord.page;
      await c.goto(`${url}${CPTS}`);
      await signIn(c, 'coordinatrice', 'Camille Hoarau');
      expect(new URL(c.url()).pathname).toBe(CPTS);

      // Draft: add Le Tampon, save with a comment.
      await c.getByRole('checkbox', { name: /Mode brouillon/ }).check({ force: true });
      await draftSection(c).getByRole('button', { name: 'Ajouter Le Tampon' }).click();
      await c.getByLabel('Commentaire pour l’ARS').fill('Le Tampon rejoint la CPTS');
      await c.getByRole('button', { name: 'Enregistrer la proposition' }).click();
      await c.getByRole('status').filter({ hasText: 'Proposition enregistrée (brouillon).' }).waitFor();
      const id = new URL(c.url()).searchParams.get('proposition');
      expect(id).toMatch(/^prop-/);

      // Reopen it from « Mes propositions », then submit.
      await c.getByRole('link', { name: 'Mes propositions' }).click();
      await c.getByRole('link', { name: `Voir sur la carte la proposition ${id}` }).click();
      await expect.poll(() => c.getByLabel('Commentaire pour l’ARS').inputValue()).toBe('Le Tampon rejoint la CPTS');
      expect(new URL(c.url()).searchParams.get('ajouts')).toBe('97422');
      await c.getByRole('button', { name: 'Soumettre à l’ARS' }).click();
      await c.getByRole('status').filter({ hasText: 'Proposition soumise à l’ARS.' }).waitFor();

      // The delegate: the queue, the proposal's effect on the map, a refusal with a reason.
      const ars = await userPage();
      const a = ars.page;
      await a.goto(`${url}/propositions`);
      await signIn(a, 'delegue-974', 'Dominique Payet');
      await a.getByRole('heading', { name: 'Propositions de périmètre à examiner' }).waitFor();
      await a.getByRole('link', { name: `Examiner sur la carte la proposition ${id}` }).click();
      await a.getByRole('heading', { name: `Examen de la proposition ${id}` }).waitFor();
      const figures = draftSection(a).locator('.maillage-figures');
      await figures.filter({ hasText: /Zones blanches comblées\s*1\s*Le Tampon/ }).waitFor();
      expect(await text(a, '.maillage-draft .maillage-figures')).toMatch(/Population139 935 hab\. \(\+82 579\)/);
      expect(await text(a, '.maillage-draft .maillage-figures')).toMatch(/Communes4 \(\+1 \/ −0\)/);
      await screenshot(a, 'boucle-examen-ars');
      await a.getByLabel('Motif du refus').fill('Préciser l’accord de la commune du Tampon');
      await a.getByRole('button', { name: 'Refuser la proposition' }).click();
      await a.getByRole('status').filter({ hasText: 'Proposition refusée.' }).waitFor();

      // The coordinator sees the refusal and its reason, and resubmits.
      await c.reload();
      await c.getByText('Refusée : Préciser l’accord de la commune du Tampon').waitFor();
      await c.getByRole('button', { name: 'Soumettre à l’ARS' }).click();
      await c.getByRole('status').filter({ hasText: 'Proposition soumise à l’ARS.' }).waitFor();

      // The delegate validates it from today.
      await a.reload();
      await a.getByRole('button', { name: 'Valider la proposition' }).click();
      await a.getByRole('status').filter({ hasText: 'Proposition validée' }).waitFor();

      // The CPTS page today, and « au » the day before; its history.
      const pub = await userPage();
      const p = pub.page;
      const total = (page: Page) => page.locator('table', { has: page.locator('caption', { hasText: 'Communes de la CPTS' }) }).locator('tr', { hasText: 'Total' });
      await p.goto(`${url}${CPTS}`);
      await total(p).filter({ hasText: /Total \(4 communes\)\s*139\s935/ }).waitFor();
      const yesterday = new Date(Date.parse(`${parisDay()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      await p.getByText(/Version 1 à partir du/).waitFor();
      await p.getByRole('button', { name: /voir au/ }).click();
      await total(p).filter({ hasText: /Total \(3 communes\)\s*57\s356/ }).waitFor();
      expect(new URL(p.url()).searchParams.get('date')).toBe(yesterday);

      // The CPTS coverage of La Réunion, today and the day before.
      const covered = (page: Page) => page.locator('.maillage-figure').filter({ hasText: 'Population couverte par une CPTS' });
      await p.goto(`${url}/?territoire=departement:974`);
      await covered(p).filter({ hasText: /139\s935\shab\. sur/ }).waitFor();
      await p.goto(`${url}/?territoire=departement:974&date=${yesterday}`);
      await covered(p).filter({ hasText: /57\s356\shab\. sur/ }).waitFor();

      // The audit log lists each step.
      await a.goto(`${url}/journal`);
      const rows = a.locator('table tbody tr');
      await rows.first().waitFor();
      const actions = (await rows.locator('td:nth-child(3)').allTextContents()).reverse();
      expect(actions).toEqual([
        'Rôle attribué', 'Rôle attribué', 'Proposition enregistrée', 'Proposition soumise', 'Proposition refusée', 'Proposition soumise', 'Proposition validée',
      ]);
      expect(await rows.first().textContent()).toContain('delegue974@ars-reunion.test');
      await screenshot(a, 'boucle-journal');
      expect(errors).toEqual([]);
    }, 180_000);
  });
}
