/**
 * The public's or a professional's journey on `/snp`, in a app.browser on the fixture database: on a
 * phone, `/snp?q=Colomiers` lists the nearest SNP offers (the same as the API, in the same order)
 * with kind, distance, state and a route, the SAS to call, and the same offers on the map; with
 * the keyboard alone, a postcode leads to the offers near Bouaye and one can be selected.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useProductionApp } from './helpers/production-app';
import { countColor, mapBox, openPage, screenshot, waitForMapIdle, eventually } from './helpers/browser';
import { seriousViolations } from './helpers/axe';
import { ORIGIN_COLOR, STATE_COLORS } from '../../web/src/features/snp-finder/layers/snp-layers';

const PHONE = { width: 390, height: 844 };
const STATES = /^(ouvert maintenant|fermé|horaires inconnus)$/;
const app = useProductionApp(() => inject('fixtureDir'));

const offerItems = (page: Page) => page.locator('ol.maillage-offers > li');

describe('soins non programmés near me', () => {
  it('on a phone, /snp?q=Colomiers lists the nearest offers with distance, kind, state, route and the SAS to call; the map shows the same offers', async () => {
    const { page, errors } = await openPage(app.browser, PHONE);
    await page.goto(`${app.server.url}/snp?q=Colomiers`);
    await page.getByRole('heading', { name: 'Près de Colomiers (31)' }).waitFor();
    expect(new URL(page.url()).searchParams.get('commune')).toBe('31149');

    const api = (await (await fetch(`${app.server.url}/api/snp/nearest?commune=31149&limit=10`)).json()) as any;
    await offerItems(page).nth(api.offres.length - 1).waitFor();
    const names = await offerItems(page).locator('.maillage-offer__name').allTextContents();
    expect(names).toEqual(api.offres.map((o: any) => o.nom));
    const first = offerItems(page).first();
    const text = (await first.textContent())!.replace(/\s/g, ' ');
    expect(text).toContain('MMG COLOMIERS');
    expect(text).toContain('Maison médicale de garde · à 1,6 km à vol d’oiseau (environ 2 km par la route)');
    expect(text).toContain('10 CHE DE COURNAUDIS, 31770 COLOMIERS');
    expect(text).not.toContain('COLOMIERS, Colomiers');
    await eventually(() => first.locator('.fr-badge').textContent()).toBe('horaires inconnus'); // FINESS gives no hours
    const route = await first.getByRole('link', { name: /Itinéraire depuis Colomiers/ }).getAttribute('href');
    expect(route).toBe('https://www.openstreetmap.org/directions?engine=fossgis_osrm_car&route=43.61102%2C1.32949%3B43.59877%2C1.33927');
    expect(await first.getByRole('link', { name: /Ouvrir dans une application de cartes/ }).getAttribute('href')).toMatch(/^geo:43\.59877,1\.33927\?q=/);
    for (const badge of await offerItems(page).locator('.fr-badge').allTextContents()) expect(badge).toMatch(STATES);

    const sas = page.locator('.fr-callout');
    await eventually(async () => (await sas.textContent())?.replace(/\s/g, ' ')).toMatch(/Appelez le 15 : le service d’accès aux soins \(SAS\) de Haute-Garonne \(31\)/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'parcours-snp-telephone-liste');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByText('Carte', { exact: true }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('vue') === 'carte');
    await waitForMapIdle(page);
    await page.locator('[data-testid=carte]').scrollIntoViewIfNeeded();
    const png = await screenshot(page, 'parcours-snp-telephone-carte');
    const box = await mapBox(page);
    expect(box.w).toBeGreaterThan(300);
    expect(countColor(png, ORIGIN_COLOR, { box, tolerance: 8 }), 'point de départ').toBeGreaterThan(80);
    // Every state of the listed offers is drawn in its own colour (none of them is white, the colour
    // of the marker strokes and the controls, so a missing marker cannot pass for a drawn one).
    const states = [...new Set<keyof typeof STATE_COLORS>(api.offres.map((o: any) => o.ouverture.etat))];
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(countColor(png, STATE_COLORS[state], { box, tolerance: 4 }), `marqueurs « ${state} »`).toBeGreaterThan(60);
    expect(errors).toEqual([]);
  });

  it('works with the keyboard alone: a postcode, the first commune, then an offer selected', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/snp`);
    await page.waitForLoadState('networkidle');
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'Votre commune, code postal ou adresse'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');
    }
    expect(focused).toBe('Votre commune, code postal ou adresse');
    await page.keyboard.type('44830');
    await page.getByRole('option', { name: /Bouaye/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Près de Bouaye (44)' }).waitFor();
    const mmg = offerItems(page).first();
    await mmg.locator('.maillage-offer__name', { hasText: 'Maison médicale de garde de Bouaye (CAPS)' }).waitFor();
    await eventually(async () => (await mmg.textContent())?.replace(/\s/g, ' ')).toContain('Horaires : lun.–ven. 20:00–24:00 ; sam. 12:00–24:00 ; dim., jours fériés 08:00–24:00');
    const badge = await mmg.locator('.fr-badge').textContent();
    expect(badge).toMatch(/^(ouvert maintenant|fermé)$/);
    expect((await mmg.textContent())!).toMatch(badge === 'fermé' ? /ouvre (demain |lundi |mardi |mercredi |jeudi |vendredi |samedi |dimanche )?à \d{2}:\d{2}/ : /jusqu’à (minuit|\d{2}:\d{2})/);

    // Tab from the search field to the first offer's name, then select it.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('maillage-offer__name'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Maison médicale de garde de Bouaye (CAPS)');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('offre'));
    await eventually(() => mmg.getAttribute('aria-current')).toBe('true');
    await waitForMapIdle(page);
    await screenshot(page, 'parcours-snp-clavier-bouaye');
    expect(errors).toEqual([]);
  });
});
