/**
 * The production server on the France build: the page loads, the map goes idle without page
 * error, the density choropleth is drawn, and a searched commune is shown and outlined.
 */
import { describe, expect, it } from 'vitest';
import { GEODATA, requireBuiltFrance } from '../helpers/paths';
import { useProductionApp } from './helpers/production-app';
import { countColor, mapBox, openPage, screenshot, waitForMapIdle, eventually } from './helpers/browser';
import { DENSITY_CLASSES } from '../../web/src/features/density/layers/density-layers';

const app = useProductionApp(() => GEODATA, { before: requireBuiltFrance });

describe('the map of France', () => {
  it('loads, draws the density choropleth and finds a commune that the map then shows', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/?couches=densite`);
    await waitForMapIdle(page);
    await eventually(() => page.getByRole('heading', { name: 'Densité de population', level: 2 }).count()).toBe(1);

    const france = await screenshot(page, 'carte-france-densite');
    const box = await mapBox(page);
    const classesDrawn = DENSITY_CLASSES.filter((c) => countColor(france, c.color, { box, tolerance: 4 }) > 150);
    // Rural, periurban and urban classes all appear on the map of France.
    expect(classesDrawn.map((c) => c.label)).toEqual(expect.arrayContaining(['moins de 25', '25 à 50', '50 à 100', '100 à 300', '300 à 1 500']));

    await page.getByRole('combobox', { name: 'Rechercher une commune' }).fill('Colomiers');
    await page.getByRole('option', { name: /Colomiers/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Colomiers', level: 2 }).waitFor();
    await page.waitForFunction(() => /carte=1[0-2]\./.test(window.location.search));
    await waitForMapIdle(page);

    const url = new URL(page.url());
    expect(url.searchParams.get('commune')).toBe('31149');
    const [zoom, lat, lon] = url.searchParams.get('carte')!.split('/').map(Number);
    expect(zoom).toBeGreaterThanOrEqual(10);
    expect(lat).toBeCloseTo(43.61, 1);
    expect(lon).toBeCloseTo(1.33, 1);
    await eventually(() => page.getByText(/40\s882 hab\./).count()).toBe(1);

    const zoomed = await screenshot(page, 'carte-colomiers');
    // The selected commune is outlined in blue France (#000091) in the middle of the map.
    const centre = { x: box.x + box.w / 4, y: box.y + box.h / 4, w: box.w / 2, h: box.h / 2 };
    expect(countColor(zoomed, '#000091', { box: centre, tolerance: 30 })).toBeGreaterThan(300);
    expect(errors).toEqual([]);
  });

  it('keeps the viewport and the selection in the address, so a view can be shared', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/?commune=44109&carte=11.00/47.2200/-1.5500`);
    await page.getByRole('heading', { name: 'Nantes', level: 2 }).waitFor();
    await waitForMapIdle(page);
    await eventually(() => page.getByText('Nantes Métropole').count()).toBeGreaterThan(0);
    const png = await screenshot(page, 'carte-nantes-partagee');
    expect(countColor(png, '#000091', { box: await mapBox(page), tolerance: 30 })).toBeGreaterThan(300);
    expect(errors).toEqual([]);
  });
});
