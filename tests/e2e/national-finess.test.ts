/**
 * Issue 20 in the browser, on a default built from a national FINESS extraction (Corse and La
 * Réunion from the 100 000-record file, tests/helpers/national-finess-build.ts): the structures
 * legend says which lists are complete and since when (MSP and centres de santé, not the MMG), the
 * CPTS of category 604 are points at their seat with « périmètre non renseigné », and the FINESS
 * telephones reach the structure card and the finder's « Appeler » button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startProductionServer, type RunningServer } from './helpers/production-server';
import { eventually, launchBrowser, mapBox, openPage, screenshot, waitForMapIdle } from './helpers/browser';
import { CPTS_SEATS_ID } from '../../web/src/features/coverage/layers/cpts-seat-layers';
import { STRUCTURES_POINTS_ID } from '../../web/src/features/structures/layers/structure-layers';
import type { MapElement } from '../../web/src/map/MapView';
import { nationalFinessBuilds, type NationalLine } from '../helpers/national-finess-build';

let server: RunningServer;
let browser: Browser;
let lines: NationalLine[];
const api = async (path: string) => (await fetch(`${server.url}${path}`)).json() as Promise<any>;
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const built = await nationalFinessBuilds({ alsoWithout: false });
  lines = built.lines;
  server = await startProductionServer({ geodataDir: built.withFiness.out, port: 9301 });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The ids a layer draws now at the pixels around a point, each where it is drawn alone (symbols spread off a shared point). */
function drawnAround(page: Page, layer: string, lngLat: [number, number], ids: string[]): Promise<Record<string, [number, number]>> {
  return page.evaluate(({ layer, lngLat, ids }) => {
    const map = (document.querySelector('[data-testid=carte]') as MapElement).maillageMap!;
    const c = map.project(lngLat);
    const alone: Record<string, [number, number]> = {};
    for (let dx = -40; dx <= 40; dx += 2) {
      for (let dy = -40; dy <= 40; dy += 2) {
        const hit = [...new Set(map.queryRenderedFeatures([c.x + dx, c.y + dy], { layers: [layer] }).map((f) => String(f.properties.id)))].filter((id) => ids.includes(id));
        if (hit.length === 1 && !alone[hit[0]!]) alone[hit[0]!] = [c.x + dx, c.y + dy];
      }
    }
    return alone;
  }, { layer, lngLat, ids });
}

const drawnIds = (page: Page, layer: string) => page.evaluate((layer) => {
  const map = (document.querySelector('[data-testid=carte]') as MapElement).maillageMap!;
  return [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.id)))].sort();
}, layer);

describe('a default built from the national FINESS extraction, in the browser', () => {
  it('Corse-du-Sud: the legend says the MSP and centres de santé lists are complete at the extraction date, not the MMG; the CPTS of FINESS are points at their seat', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/?territoire=departement:2A`);
    const said = [
      'MSP et centres de santé : liste complète au 12 mai 2026 (FINESS).',
      'Maisons médicales de garde : liste non déclarée complète — d’autres peuvent exister.',
      'Offres de soins non programmés (toutes) : liste non déclarée complète — d’autres peuvent exister.',
    ];
    // Under the structures legend, and under the offer table of the indicators.
    for (const region of ['Couches de la carte', 'Indicateurs — Corse-du-Sud']) {
      const completeness = page.getByRole('region', { name: region }).getByTestId('completude-structures');
      await completeness.waitFor();
      expect((await completeness.locator('li').allTextContents()).map(flat)).toEqual(said);
    }
    const seats = (await api('/api/cpts?departement=2A')).cpts.filter((c: any) => c.perimetre === 'non renseigné' && c.siege?.position);
    expect(seats.length).toBeGreaterThan(0);
    const note = page.locator('.maillage-legend__seats');
    await note.waitFor();
    expect(flat(await note.textContent())).toMatch(new RegExp(`^${seats.length} CPTS au périmètre non renseigné, dessinées? par un point à (leur|son) siège \\(connues, comptées dans aucune couverture\\) : `));
    await waitForMapIdle(page);
    await eventually(() => drawnIds(page, CPTS_SEATS_ID)).toEqual(seats.map((c: any) => c.id).sort());
    await screenshot(page, 'finess-nationale-corse-du-sud');

    // A click on one opens its card: « Périmètre non renseigné », and the way to its page.
    const seat = seats[0];
    const found = await drawnAround(page, CPTS_SEATS_ID, [seat.siege.position.lon, seat.siege.position.lat], [seat.id]);
    const box = await mapBox(page);
    await page.mouse.click(box.x + found[seat.id]![0], box.y + found[seat.id]![1]);
    const card = page.getByTestId('popup-cpts-siege');
    await card.waitFor();
    expect(flat(await card.textContent())).toContain('Périmètre non renseigné : point au siège, comptée dans aucune couverture.');
    expect(await card.getByRole('link', { name: 'Voir la CPTS' }).getAttribute('href')).toBe(`/cpts/${encodeURIComponent(seat.id)}`);
    // Its page says it, with its FINESS number and seat.
    await card.getByRole('link', { name: 'Voir la CPTS' }).click();
    await page.getByRole('heading', { name: seat.nom }).waitFor();
    await page.getByText(/^Périmètre non renseigné : CPTS connue par le FINESS \(catégorie 604\)/).waitFor();
    expect(flat(await page.locator('.maillage-cpts__head').textContent())).toContain(`FINESS ${seat.finess}`);
    expect(errors).toEqual([]);
  });

  it('an MSP of the extraction shows its FINESS telephone in its card on the map', async () => {
    const features = (await api('/api/structures?departement=2B&kind=MSP,CDS,MMG,SU')).features;
    const msp = features.find((f: any) => f.properties.categorie === 'MSP' && f.properties.telephone)!;
    const [lon, lat] = msp.geometry.coordinates;
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/?territoire=departement:2B&couches=structures&carte=14.00/${lat}/${lon}`);
    await waitForMapIdle(page);
    const sharing = features.filter((f: any) => f.geometry.coordinates[0] === lon && f.geometry.coordinates[1] === lat).map((f: any) => f.properties.id);
    await eventually(async () => Object.keys(await drawnAround(page, STRUCTURES_POINTS_ID, [lon, lat], sharing))).toContain(msp.properties.id);
    const at = (await drawnAround(page, STRUCTURES_POINTS_ID, [lon, lat], sharing))[msp.properties.id]!;
    const box = await mapBox(page);
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    const item = page.locator('.maillage-popup-list__item', { hasText: msp.properties.nom });
    await item.first().waitFor();
    const phone = msp.properties.telephone as string;
    const call = item.first().getByRole('link', { name: `Appeler le ${phone.replace(/(\d{2})(?=\d)/g, '$1 ')}` });
    expect(await call.getAttribute('href')).toBe(`tel:${phone}`);
    expect(errors).toEqual([]);
  });

  it('the finder calls a FINESS MMG on its own number', async () => {
    const mmg = lines.find((l) => l.departement === '2A' && l.category === '000' && l.telephone)!;
    const offers = (await api(`/api/snp/nearest?commune=${mmg.commune}&limit=10`)).offres;
    const rank = offers.findIndex((o: any) => o.id === `finess:${mmg.et}`);
    expect(rank).toBeGreaterThanOrEqual(0);
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/snp?q=${encodeURIComponent(mmg.commune)}`);
    const card = page.locator('ol.maillage-offers > li').nth(rank);
    await card.waitFor();
    expect(flat(await card.locator('.maillage-offer__name').textContent())).toBe(offers[rank].nom);
    const call = card.getByRole('link', { name: new RegExp(`^Appeler le ${mmg.telephone!.replace(/(\d{2})(?=\d)/g, '$1 ')}`) });
    expect(await call.getAttribute('href')).toBe(`tel:${mmg.telephone}`);
    expect(errors).toEqual([]);
  });
});
