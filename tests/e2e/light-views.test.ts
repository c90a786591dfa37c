/**
 * Issue 10, item 1: the région view needs no commune polygon. Its land, borders and « non
 * renseigné » grey come from the light boundary tiles (`/api/tiles/limites/…`) and the compact
 * coverage answer, so the commune tiles (most of a low-zoom tile's bytes) are not fetched — until
 * a layer drawn on the communes is switched on (density here), which fetches them.
 * On the fixture database, where Occitanie's CPTS list is not declared complete.
 */
import { describe, expect, inject, it } from 'vitest';
import { useProductionApp } from './helpers/production-app';
import { countColor, eventually, mapBox, openPage, screenshot, waitForMapIdle } from './helpers/browser';
import { blend } from './helpers/pixels';
import { NOT_KNOWN_COLOR } from '../../web/src/lib/not-known';

const LAND = '#f6f6f2';
const app = useProductionApp(() => inject('fixtureDir'));

describe('the région view without commune tiles (issue 10, item 1)', () => {
  it('Occitanie draws its borders and « non renseigné » grey from the boundary tiles alone; the density layer then fetches the commune tiles', async () => {
    const { page, errors } = await openPage(app.browser);
    const communeTiles: string[] = [];
    const boundaryTiles: string[] = [];
    page.context().on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/tiles/limites/')) boundaryTiles.push(path);
      else if (/^\/api\/tiles\/\d+\//.test(path)) communeTiles.push(path);
    });
    await page.goto(`${app.server.url}/?territoire=region:76`);
    await page.getByRole('heading', { name: /Indicateurs — Occitanie/ }).waitFor();
    await waitForMapIdle(page);
    await page.waitForFunction(() => !document.querySelector('.maillage-loading'));
    await waitForMapIdle(page);
    const zoom = await page.evaluate(() => (document.querySelector('[data-testid=carte]') as any).maillageMap.getZoom() as number);
    expect(zoom).toBeLessThan(7);
    expect(boundaryTiles.length).toBeGreaterThan(0);
    expect(communeTiles).toEqual([]);
    const png = await screenshot(page, 'issue10-occitanie-sans-tuiles-communes');
    // ~63 000 px here; ~1 200 when only the polygon of the rest is drawn (the départements' grey missing).
    expect(countColor(png, blend(NOT_KNOWN_COLOR, 0.6, LAND), { box: await mapBox(page), tolerance: 6 }), 'gris « non renseigné »').toBeGreaterThan(20_000);

    await page.getByRole('checkbox', { name: 'Densité de population' }).check({ force: true });
    await eventually(() => communeTiles.length).toBeGreaterThan(0);
    await waitForMapIdle(page);
    expect(errors).toEqual([]);
  });
});
