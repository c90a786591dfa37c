/**
 * The CPTS coordinator's journey, in a app.browser on the fixture database: find CPTS Grand Sud
 * Réunion by name or on the map, read its perimeter, communes and neighbourhood, then try a draft
 * perimeter and export it. Real communes and populations (COG 2026) of the embedded default.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { useProductionApp } from './helpers/production-app';
import { countColor, mapBox, openPage, screenshot, waitForMapIdle, eventually } from './helpers/browser';
import { seriousViolations } from './helpers/axe';
import { PERIMETER_COLOR } from '../../web/src/features/cpts/layers/cpts-page-layers';

const app = useProductionApp(() => inject('fixtureDir'));

const rowText = async (page: import('playwright-core').Page, caption: string, commune: string) =>
  (await page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tr', { hasText: commune }).first().textContent())?.replace(/\s/g, ' ');

describe('CPTS coordinator', () => {
  it('finds CPTS Grand Sud Réunion by name and reads its perimeter, communes and neighbourhood', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/cpts`);
    await page.getByRole('searchbox', { name: /Nom de la CPTS/ }).fill('grand sud');
    await page.getByText('1 CPTS sur').waitFor();
    await page.getByRole('link', { name: 'CPTS Grand Sud Réunion' }).click();
    await page.getByRole('heading', { name: 'CPTS Grand Sud Réunion', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cpts/REU-974-GRAND-SUD');
    await waitForMapIdle(page);

    await eventually(() => rowText(page, 'Communes de la CPTS', 'Saint-Joseph')).toMatch(/Saint-Joseph \(97412\)\s*39 207/);
    await eventually(() => rowText(page, 'Communes de la CPTS', 'Petite-Île')).toMatch(/13 067/);
    await eventually(() => rowText(page, 'Communes de la CPTS', 'Saint-Philippe')).toMatch(/5 082/);
    await eventually(() => rowText(page, 'Communes de la CPTS', 'Total')).toMatch(/Total \(3 communes\)\s*57 356/);
    await eventually(async () => (await page.locator('.maillage-figures').first().textContent())?.replace(/\s/g, ' ')).toContain('55 100 hab.'); // declared
    const holes = page.locator('section', { has: page.getByRole('heading', { name: 'Voisinage' }) });
    // No CPTS list of La Réunion is declared complete: the communes without CPTS along the border are
    // « non renseigné », not zones blanches.
    await holes.getByText(/Zones blanches le long de la limite \(0\)/).waitFor();
    await eventually(async () => (await holes.getByTestId('voisines-non-renseignees').textContent())?.replace(/\s/g, ' ')).toMatch(/Non renseigné \(3\) : Saint-Pierre, Sainte-Rose, Le Tampon — aucune CPTS connue/);

    const png = await screenshot(page, 'parcours-cpts-grand-sud-reunion');
    expect(countColor(png, PERIMETER_COLOR, { box: await mapBox(page), tolerance: 10 }), 'contour du périmètre').toBeGreaterThan(800);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds a CPTS by clicking it on the explore map', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/?territoire=departement:974&couches=cpts&carte=11.00/-21.3300/55.6500`);
    await waitForMapIdle(page);
    const box = await mapBox(page);
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await page.locator('.maplibregl-popup').getByRole('heading', { name: 'CPTS Grand Sud Réunion' }).waitFor();
    await page.locator('.maplibregl-popup').getByRole('link', { name: 'Voir la CPTS' }).click();
    await page.getByRole('heading', { name: 'CPTS Grand Sud Réunion', level: 1 }).waitFor();
    expect(errors).toEqual([]);
  });

  it('drafts a perimeter: adding Le Tampon fills a zone blanche, removing Saint-Joseph on the map opens one; the draft is exported', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/cpts/REU-974-GRAND-SUD`);
    await waitForMapIdle(page);
    await page.getByRole('checkbox', { name: /Mode brouillon/ }).check({ force: true });
    const draft = page.locator('.maillage-draft');
    await draft.getByRole('button', { name: 'Ajouter Le Tampon' }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ajouts') === '97422');
    const figures = draft.locator('.maillage-figures');
    await figures.getByText(/139\s935 hab\.\s\(\+82\s579\)/).waitFor();
    await eventually(async () => (await figures.textContent())?.replace(/\s/g, ' ')).toMatch(/Zones blanches comblées1 Le Tampon/);
    await figures.getByText(/km²/).waitFor(); // the draft perimeter, dissolved by the API
    await waitForMapIdle(page);
    await screenshot(page, 'parcours-cpts-brouillon');

    // A click on the map toggles the commune under the pointer: the middle of the perimeter is Saint-Joseph.
    const box = await mapBox(page);
    await page.goto(`${app.server.url}/cpts/REU-974-GRAND-SUD?brouillon=1&ajouts=97422&carte=11.00/-21.2900/55.6200`);
    await waitForMapIdle(page);
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('retraits') === '97412');
    await figures.getByText(/Zones blanches ouvertes/).waitFor();
    await eventually(async () => (await figures.textContent())?.replace(/\s/g, ' ')).toMatch(/Zones blanches ouvertes1 Saint-Joseph/);
    await figures.getByText(/100\s728 hab\./).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), draft.getByRole('button', { name: 'Exporter les communes (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/^brouillon-perimetre_reu-974-grand-sud_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv).toMatch(/REU-974-GRAND-SUD;CPTS Grand Sud Réunion;97422;Le Tampon;974;\d+;ajoutée;oui/);
    expect(csv).toMatch(/;97412;Saint-Joseph;974;\d+;retirée;non/); // removed, said as such
    const [geo] = await Promise.all([page.waitForEvent('download'), draft.getByRole('button', { name: 'Exporter le périmètre (GeoJSON)' }).click()]);
    const feature = JSON.parse(readFileSync(await geo.path(), 'utf8'));
    expect(feature.type).toBe('FeatureCollection');
    expect(feature.features[0].geometry.type).toBe('MultiPolygon');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
