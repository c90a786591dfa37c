/**
 * Issue 10, item 4: the SNP finder shows its list before the map. On a phone, cold, the list of
 * nearest offers must not need the map's code (SnpMap and MapLibre, chunks of their own) nor any
 * tile: both are held back by `page.route` until the list is complete, and the list shows all
 * the same. Released, the map then loads and draws. The scripts the page ran for its list are
 * its own small code: measured as the gzip size of the built files it asked for.
 *
 * If SnpPage imports SnpMap eagerly again, its chunk depends on MapLibre's, which is held: the
 * page's module never runs and the list never comes (this test was seen red that way).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { startProductionServer, type RunningServer } from './helpers/production-server';
import { openPhonePage } from './helpers/page-checks';
import { REPO } from '../helpers/paths';

/** Built chunks of the map: the SNP map component and MapLibre (its worker comes from it). */
const MAP_CHUNK = /\/assets\/(SnpMap|maplibre)-[\w-]+\.js$/;
/** The page's own JavaScript before the list, gzip: the map's chunks alone are ~290 kB. */
const MAX_LIST_JS_GZIP = 200 * 1024;

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startProductionServer({ geodataDir: inject('fixtureDir') });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the SNP finder, list first (issue 10, item 4)', () => {
  it('shows every nearest offer of Colomiers while the map chunk and the tiles are held back, then the map once released', async () => {
    const { page, errors } = await openPhonePage(browser);
    const held: Route[] = [];
    const heldUrls: string[] = [];
    let released = false;
    await page.route(MAP_CHUNK, (route) => {
      if (released) return route.continue();
      held.push(route);
      heldUrls.push(new URL(route.request().url()).pathname);
    });
    const tiles: string[] = [];
    page.context().on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/tiles/')) tiles.push(r.url());
    });
    const scripts = new Set<string>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (/^\/assets\/.+\.m?js$/.test(path)) scripts.add(path);
    });

    const expected = (await (await fetch(`${server.url}/api/snp/nearest?commune=31149&limit=10`)).json()) as { offres: { nom: string }[] };
    expect(expected.offres.length).toBeGreaterThan(1);
    await page.goto(`${server.url}/snp?q=Colomiers`);
    const cards = page.locator('ol.maillage-offers > li');
    await cards.nth(expected.offres.length - 1).waitFor({ timeout: 20_000 });
    expect(await cards.locator('.maillage-offer__name').allTextContents()).toEqual(expected.offres.map((o) => o.nom));

    // The list is complete: nothing of the map has been served to get there.
    expect(tiles, 'tuiles demandées avant la liste').toEqual([]);
    expect(await page.locator('[data-testid=carte][data-idle=true]').count()).toBe(0);
    const listScripts = [...scripts].filter((p) => !MAP_CHUNK.test(p));
    const listJs = listScripts.reduce((sum, p) => sum + gzipSync(readFileSync(join(REPO, 'web/dist', p))).length, 0);
    expect(listJs, `JS du parcours jusqu'à la liste : ${listScripts.join(', ')}`).toBeLessThan(MAX_LIST_JS_GZIP);

    // Asked for once the list is there (SnpPage loads the map after it), then released: the map draws.
    await expect.poll(() => heldUrls.some((p) => p.includes('/SnpMap-')), { timeout: 15_000 }).toBe(true);
    released = true;
    for (const route of held) await route.continue();
    // On a phone the map sits below the list (hidden in the list view): drawn all the same.
    await page.locator('[data-testid=carte][data-idle=true]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(tiles.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
