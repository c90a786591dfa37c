/**
 * Issue 12, items 11–15: the public's first use of `/snp`, on a phone (390 × 844, touch) and on a
 * desktop (1366 × 900), on the fixture database after a FINESS import that carries a telephone:
 * « Appeler » buttons (the offer's number, the 15 otherwise), the « ouvertes maintenant / ce soir »
 * filter with a word when the nearest open offer is far, « me localiser » granted and refused,
 * sources folded per card and complete, every control ≥ 44 × 44 px, no horizontal overflow, the
 * rank inside its card, and the Ancenis emergency site said not to be open around the clock.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './helpers/browser';
import { startProductionServer, type RunningServer } from './helpers/production-server';
import { DESKTOP, horizontalOverflow, moderateOrWorseViolations, openContextPage, openPhonePage, smallTargets } from './helpers/page-checks';
import { withLine } from '../helpers/finess-fixture';

// 05 36 49 xx xx is the range ARCEP reserves for fiction: the fixture's MMG COLOMIERS line has no
// telephone, this number stands for the one FINESS would carry (tests/server/snp-phone-open-filter-api.test.ts).
const FICTION_PHONE = '0536490001';
const TOKEN = 'jeton-e2e-issue-12';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startProductionServer({ geodataDir: inject('fixtureDir'), env: { MAILLAGE_EDITOR_TOKEN: TOKEN } });
  browser = await launchBrowser();
  const file = withLine(2, (l) => l.split(';').map((v, i) => (i === 16 ? FICTION_PHONE : v)).join(';'));
  const res = await fetch(`${server.url}/api/imports/finess?nom=etalab-cs1100507-stock-20260512-0339.csv`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: new Uint8Array(file) });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const cards = (page: Page) => page.locator('ol.maillage-offers > li');
const api = async (path: string) => (await (await fetch(`${server.url}${path}`)).json()) as any;
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

async function checkPage(page: Page, name: string) {
  expect(await smallTargets(page), `${name} : cibles tactiles < 44 px`).toEqual([]);
  expect(await horizontalOverflow(page), `${name} : débordement horizontal`).toBe(0);
  expect(await moderateOrWorseViolations(page), `${name} : axe`).toEqual([]);
}

describe('the public on /snp, first use (issue 12, items 11–15)', () => {
  for (const [device, open] of [['phone', (b: Browser) => openPhonePage(b)], ['desktop', (b: Browser) => openContextPage(b, { viewport: DESKTOP })]] as const) {
    it(`${device}: near Colomiers, a large « Appeler » button with the FINESS number, the 15 for offers without one, sources folded and complete, every control ≥ 44 px`, async () => {
      const { page, errors } = await open(browser);
      await page.goto(`${server.url}/snp?q=Colomiers`);
      await page.getByRole('heading', { name: 'Près de Colomiers (31)' }).waitFor();
      const offers = (await api('/api/snp/nearest?commune=31149&limit=10')).offres;
      await cards(page).nth(offers.length - 1).waitFor();

      const first = cards(page).first();
      expect(await first.locator('.maillage-offer__name').textContent()).toBe('MMG COLOMIERS');
      const call = first.getByRole('link', { name: /^Appeler le 05 36 49 00 01/ });
      expect(await call.getAttribute('href')).toBe(`tel:${FICTION_PHONE}`);
      const box = (await call.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      // Offers whose source gives no number: the 15, said as such.
      const second = cards(page).nth(1);
      expect(await second.getByRole('link', { name: /^Appeler le 15/ }).getAttribute('href')).toBe('tel:15');
      expect(await text(page, 'ol.maillage-offers > li:nth-child(2)')).toContain('Numéro de cette offre non connu : le 15 vous oriente.');
      // The SAS callout's 15 is a fingertip target too.
      const sas15 = page.locator('.fr-callout a[href="tel:15"]').first();
      const sasBox = (await sas15.boundingBox())!;
      expect(Math.min(sasBox.width, sasBox.height)).toBeGreaterThanOrEqual(44);

      // Sources: one short line per card, folded; opened, every source of the row, the date once.
      const sources = first.locator('details.maillage-offer__sources');
      expect(await sources.getAttribute('open')).toBeNull();
      const summary = ((await sources.locator('summary').textContent()) ?? '').trim();
      expect(summary).toBe('Source : FINESS, extraction Etalab du 2026-05-12, mise à jour du 12 mai 2026');
      await sources.locator('summary').click();
      expect(await sources.getAttribute('open')).toBe('');
      expect(await sources.locator('li').allTextContents()).toEqual(offers[0].source.split(' ; '));
      const curated = cards(page).nth(1).locator('details.maillage-offer__sources li');
      expect(await curated.count()).toBe(offers[1].source.split(' ; ').length);

      // The rank badge is inside its card, and the list draws no second number beside it.
      for (let i = 0; i < offers.length; i++) {
        const card = (await cards(page).nth(i).boundingBox())!;
        const rank = (await cards(page).nth(i).locator('.maillage-offer__rank').boundingBox())!;
        expect(rank.x).toBeGreaterThanOrEqual(card.x);
        expect(rank.x + rank.width).toBeLessThanOrEqual(card.x + card.width);
      }
      const markers = await page.evaluate(() => [...document.querySelectorAll('ol.maillage-offers > li')].map((li) => {
        const m = getComputedStyle(li, '::marker').content;
        const b = getComputedStyle(li, '::before').content;
        return `${m}|${b}`;
      }));
      expect(markers.every((m) => /^(none|normal)\|(none|normal)$/.test(m))).toBe(true);
      // Ten cards with folded sources stay short (the issue saw 5 400 px).
      const listHeight = (await page.locator('ol.maillage-offers').boundingBox())!.height;
      console.log(`hauteur de la liste (${device}) : ${Math.round(listHeight)} px`);
      expect(listHeight).toBeLessThan(5400);

      await checkPage(page, `/snp?q=Colomiers (${device})`);
      if (device === 'phone') {
        await page.locator('.maillage-snp__switch label', { hasText: 'Carte' }).tap();
        await page.waitForSelector('[data-testid=carte][data-idle=true]');
        expect(await smallTargets(page, '.maillage-snp__map'), 'contrôles de la carte').toEqual([]);
      }
      await screenshot(page, `issue12-snp-colomiers-${device}`);
      expect(errors).toEqual([]);
    });
  }

  it('phone: near Saint-Nazaire, « Ouvertes maintenant » and « Ouvertes ce soir » list what the API finds open, and the far open offer is said to be far', async () => {
    const { page, errors } = await openPhonePage(browser);
    await page.goto(`${server.url}/snp?q=Saint-Nazaire`);
    await page.getByRole('heading', { name: 'Près de Saint-Nazaire (44)' }).waitFor();
    const commune = new URL(page.url()).searchParams.get('commune');
    expect(commune).toBe('44184');
    for (const [label, value] of [['Ouvertes maintenant', 'maintenant'], ['Ouvertes ce soir (19 h – minuit)', 'ce-soir']] as const) {
      await page.getByText(label, { exact: true }).tap();
      await page.waitForFunction((v) => new URLSearchParams(location.search).get('ouvert') === v, value);
      const expected = (await api(`/api/snp/nearest?commune=${commune}&limit=10&ouvert=${value}`)).offres;
      await page.waitForFunction((n) => document.querySelector('#resultats-titre + * + p, section[aria-labelledby=resultats-titre] p[aria-live]')?.textContent?.includes(n), value === 'maintenant' ? 'ouvertes maintenant' : 'ouvertes ce soir');
      // The list asked for, not the one before the filter: waited for as asserted.
      await expect.poll(() => cards(page).locator('.maillage-offer__name').allTextContents(), { timeout: 15_000 }).toEqual(expected.map((o: any) => o.nom));
      if (value === 'maintenant') for (const b of await cards(page).locator('.fr-badge').allTextContents()) expect(b).toBe('ouvert maintenant');
      const far = expected.length > 0 && expected[0].distanceRouteKm > 30;
      const notice = page.locator('.maillage-open-notice');
      const poll = { timeout: 15_000 };
      if (expected.length === 0) await expect.poll(() => notice.textContent(), poll).toMatch(/Aucune offre ouverte (maintenant|ce soir) n’est connue\. En cas de besoin, appelez le 15\./);
      else if (far) await expect.poll(() => notice.textContent(), poll).toContain(`L’offre ouverte la plus proche, ${expected[0].nom}, est loin`);
      else await expect.poll(() => notice.count(), poll).toBe(0);
    }
    await page.getByText('Toutes', { exact: true }).tap();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('ouvert'));
    expect(await horizontalOverflow(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('phone: « Me localiser » granted lists the offers near the position; refused, it says so and hands over to the search field', async () => {
    // Colomiers' town hall area (1.3295 E, 43.6110 N).
    const granted = await openPhonePage(browser, { geolocation: { longitude: 1.32949, latitude: 43.61102 }, permissions: ['geolocation'] });
    await granted.page.goto(`${server.url}/snp`);
    await granted.page.getByRole('button', { name: 'Me localiser' }).tap();
    await granted.page.getByRole('heading', { name: 'Près de votre position (Colomiers, 31)' }).waitFor();
    expect(new URL(granted.page.url()).searchParams.get('position')).toBe('1.32949,43.61102');
    const expected = (await api('/api/snp/nearest?lon=1.32949&lat=43.61102&limit=10')).offres;
    await cards(granted.page).nth(expected.length - 1).waitFor();
    expect(await cards(granted.page).locator('.maillage-offer__name').allTextContents()).toEqual(expected.map((o: any) => o.nom));
    expect(await text(granted.page, 'section[aria-labelledby=resultats-titre] p[aria-live]')).toContain('Distances depuis votre position.');
    expect(granted.errors).toEqual([]);

    const refused = await openPhonePage(browser, { permissions: [] });
    await refused.page.goto(`${server.url}/snp`);
    await refused.page.getByRole('button', { name: 'Me localiser' }).tap();
    await refused.page.getByText('Localisation refusée : tapez votre commune ou votre code postal dans le champ ci-dessus.').waitFor();
    expect(await refused.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Votre commune, code postal ou adresse');
    expect(new URL(refused.page.url()).search).toBe('');
    // The first screen: the search field and « Me localiser » are in view without scrolling.
    for (const el of [refused.page.getByRole('combobox'), refused.page.getByRole('button', { name: 'Me localiser' })]) {
      const b = (await el.boundingBox())!;
      expect(b.y + b.height).toBeLessThanOrEqual(844);
    }
    await checkPage(refused.page, '/snp (téléphone)');
    expect(refused.errors).toEqual([]);
  });

  for (const [device, open] of [['phone', (b: Browser) => openPhonePage(b)], ['desktop', (b: Browser) => openContextPage(b, { viewport: DESKTOP })]] as const) {
    it(`${device}: the Ancenis emergency site says it is not open around the clock, rare for an SU`, async () => {
      const { page, errors } = await open(browser);
      await page.goto(`${server.url}/snp?q=Ancenis`);
      await page.getByRole('heading', { name: /^Près de Ancenis-Saint-Géréon \(44\)/ }).waitFor();
      const card = cards(page).filter({ hasText: 'Centre hospitalier Erdre et Loire' });
      await card.waitFor();
      const offer = (await api(`/api/snp/nearest?commune=${new URL(page.url()).searchParams.get('commune')}&limit=10`)).offres.find((o: any) => o.nom === 'Centre hospitalier Erdre et Loire');
      const warning = ((await card.locator('.maillage-offer__warning').textContent()) ?? '').replace(/\s+/g, ' ');
      expect(warning).toContain('Ce service d’urgence n’est pas ouvert 24 h/24');
      expect(warning).toContain('ce qui est rare pour des urgences. En dehors de ses heures, appelez le 15.');
      if (offer.ouverture.etat === 'ouvert') expect(warning).toContain('il ferme à 17:00');
      expect(errors).toEqual([]);
    });
  }
});
