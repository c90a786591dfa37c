/**
 * Item 12 of issue 11: the map's `data-idle="true"`, what every browser test waits for, means
 * settled — the map's own data has arrived and MapLibre has drawn it. Each check holds the answer
 * of a query the map needs (Playwright's request interception: the request stays open until the
 * test lets it through), waits for MapLibre to be idle with it held and reads the flag (it must
 * say « not settled »), lets the answer through, waits for the flag, and then reads what is drawn
 * once, without waiting again.
 * Before, the flag stayed true from the previous state while the page fetched the new data, so a
 * test that waited for it could read the map before the data was there.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { useProductionApp } from './helpers/production-app';
import { openPage, waitForMapIdle } from './helpers/browser';
import { STRUCTURES_CLUSTERS_ID, STRUCTURES_POINTS_ID } from '../../web/src/features/structures/layers/structure-layers';
import { SNP_OFFERS_ID } from '../../web/src/features/snp-finder/layers/snp-layers';
import { DRAFT_SOURCE } from '../../web/src/features/cpts/layers/cpts-page-layers';

const app = useProductionApp(() => inject('fixtureDir'));

/** Holds the requests whose path matches until `release()`; `arrived` resolves at the first one. */
async function hold(page: Page, pathPattern: RegExp) {
  const held: Route[] = [];
  let arrived!: () => void;
  const first = new Promise<void>((r) => (arrived = r));
  let open = false;
  await page.route((url) => pathPattern.test(url.pathname), (route) => {
    if (open) return route.continue();
    held.push(route);
    arrived();
  });
  return {
    arrived: first,
    async release() {
      open = true;
      await Promise.all(held.map((r) => r.continue()));
    },
  };
}

/** The flag now; « absent » when the page shows no map (/snp removes it while a new list loads). */
const idleFlag = (page: Page) => page.evaluate(() => document.querySelector('[data-testid=carte]')?.getAttribute('data-idle') ?? 'absent');
/**
 * Waits until MapLibre itself has drawn everything it has (its own `idle`, the map not moving):
 * a repaint is asked so that an `idle` follows. The page's flag must still say « not settled »
 * then, if one of the map's queries is held. Returns at once when the page shows no map.
 */
const mapLibreIdle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => {
    const map = (document.querySelector('[data-testid=carte]') as (HTMLElement & { maillageMap?: any }) | null)?.maillageMap;
    if (!map) return resolve();
    const check = () => (!map.isMoving() && map.loaded() ? resolve() : map.once('idle', check));
    map.once('idle', check);
    map.triggerRepaint();
  }));

/** Features drawn now in these layers (read once: the test has waited for the idle flag). */
const rendered = (page: Page, layers: string[]) =>
  page.evaluate((ids) => {
    const map = (document.querySelector('[data-testid=carte]') as HTMLElement & { maillageMap: any }).maillageMap;
    return map.queryRenderedFeatures({ layers: ids.filter((id: string) => map.getLayer(id)) }).map((f: any) => String(f.properties.id ?? f.properties.cluster_id));
  }, layers);

describe('the map is idle only once its data has arrived and is drawn', () => {
  it('on the explore page: structures switched on are not « idle » while their list is on its way, and drawn when it is', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/?territoire=departement:44&couches=cpts`);
    await waitForMapIdle(page);
    expect(await rendered(page, [STRUCTURES_CLUSTERS_ID, STRUCTURES_POINTS_ID])).toEqual([]);

    const structures = await hold(page, /^\/api\/structures$/);
    await page.getByRole('checkbox', { name: 'MSP, centres de santé, MMG et urgences' }).check({ force: true });
    await structures.arrived;
    await mapLibreIdle(page);
    expect(await idleFlag(page), 'the list of structures is still on its way').toBe('false');

    await structures.release();
    await waitForMapIdle(page);
    expect((await rendered(page, [STRUCTURES_CLUSTERS_ID, STRUCTURES_POINTS_ID])).length, 'structures drawn at the first idle').toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('on /snp: a new search is not « idle » while its offers are on their way, and the offers drawn are the new ones', async () => {
    const { page, errors } = await openPage(app.browser, { width: 1366, height: 900 });
    await page.goto(`${app.server.url}/snp?q=Colomiers`);
    await page.getByRole('heading', { name: /Près de Colomiers/ }).waitFor();
    await waitForMapIdle(page);

    const nearest = await hold(page, /^\/api\/snp\/nearest$/);
    const field = page.getByRole('combobox');
    await field.fill('44830');
    await page.getByRole('option', { name: /Bouaye/ }).waitFor();
    await page.keyboard.press('Enter');
    await nearest.arrived;
    await mapLibreIdle(page);
    expect(await idleFlag(page), 'the offers near Bouaye are still on their way').not.toBe('true');

    const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/snp/nearest');
    await nearest.release();
    const answer = (await (await response).json()) as { origine: { nom: string }; offres: { id: string }[] };
    expect(answer.origine.nom).toBe('Bouaye');
    await waitForMapIdle(page);
    const drawn = new Set(await rendered(page, [SNP_OFFERS_ID]));
    expect(drawn.size, 'offers drawn at the first idle').toBeGreaterThan(0);
    // Every offer drawn is one of Bouaye's (none left over from Colomiers).
    expect([...drawn].filter((id) => !answer.offres.some((o) => o.id === id))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('on a CPTS draft: a commune added is not « idle » while the new perimeter is computed, and the perimeter drawn is the new one', async () => {
    const { page, errors } = await openPage(app.browser, { width: 1366, height: 900 });
    await page.goto(`${app.server.url}/cpts/REU-974-GRAND-SUD?brouillon=1`);
    await page.getByRole('heading', { name: 'Brouillon de périmètre' }).waitFor();
    await waitForMapIdle(page);

    const perimeter = await hold(page, /^\/api\/perimeter$/);
    await page.getByLabel('Ajouter une commune (nom, code postal ou code INSEE)').fill('Saint-Pierre');
    await page.getByRole('option', { name: /Saint-Pierre \(974 — La Réunion\)/ }).click();
    await perimeter.arrived;
    await mapLibreIdle(page);
    expect(await idleFlag(page), 'the perimeter with Saint-Pierre is still being computed').toBe('false');

    const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/perimeter');
    await perimeter.release();
    const answer = (await (await response).json()) as { geometry: unknown; properties: { codes: string[] } };
    expect(answer.properties.codes).toContain('97416');
    await waitForMapIdle(page);
    const drawn = await page.evaluate(async (id) => {
      const map = (document.querySelector('[data-testid=carte]') as HTMLElement & { maillageMap: any }).maillageMap;
      return (await map.getSource(id).getData()).geometry;
    }, DRAFT_SOURCE);
    expect(drawn, 'the draft perimeter drawn at the first idle is the one with Saint-Pierre').toEqual(answer.geometry);
    expect(errors).toEqual([]);
  });
});
