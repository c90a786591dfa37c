/**
 * An ARS declares the CPTS list of Loire-Atlantique complete through the API (a list of all its
 * communes but one EPCI's, split into CPTS), then opens the département: real zones blanches are
 * hatched where no CPTS is listed, nothing is « non renseigné », and the page shows the computed
 * coverage beside the official one with the gap. Production server on a copy of the fixture.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startProductionServer, type RunningServer } from './helpers/production-server';
import { countColor, launchBrowser, mapBox, openPage, screenshot, waitForMapIdle } from './helpers/browser';
import { blend } from './helpers/pixels';
import { ZONE_BLANCHE_COLOR } from '../../web/src/features/coverage/layers/cpts-coverage-layers';

const LAND = '#f6f6f2';
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startProductionServer({ geodataDir: inject('fixtureDir'), env: { MAILLAGE_EDITOR_TOKEN: 'jeton-e2e' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a CPTS list declared complete', () => {
  it('turns Loire-Atlantique into computed coverage with hatched zones blanches, beside the official figure', async () => {
    const csv = await (await fetch(`${server.url}/api/coverage/cpts?territory=departement:44&format=csv`)).text();
    const communes = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(';')).map((f) => ({ code: f[0]!, epci: f[3]! }));
    const epcis = [...new Set(communes.map((c) => c.epci))].sort();
    const lines = communes.filter((c) => c.epci !== epcis.at(-1)).map((c) => `TEST-44-${epcis.indexOf(c.epci) % 4};CPTS de test ${epcis.indexOf(c.epci) % 4};ACI signé;2025-01-15;${c.code};liste ARS de test`);
    const res = await fetch(`${server.url}/api/imports/cpts?nom=cpts-44.csv&liste_complete=44&complete_au=2026-11-01`, {
      method: 'POST', headers: { authorization: 'Bearer jeton-e2e' }, body: `id_cpts;nom;statut;date_statut;commune_insee;source\n${lines.join('\n')}\n`,
    });
    expect(res.status).toBe(201);
    const figures = await (await fetch(`${server.url}/api/coverage/cpts?territory=departement:44`)).json() as any;
    expect(figures.zonesBlanches.length).toBeGreaterThan(0);
    expect(figures.comparaisonOfficielle.calcule).not.toBeNull();

    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/?territoire=departement:44&taille=passages`);
    expect(await page.getByLabel(/Taille des sites d’urgence selon leurs passages annuels/).isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('comparaison-cpts').textContent()).toBe(`Couverture CPTS — ${figures.comparaisonOfficielle.phrase}`);
    expect(figures.comparaisonOfficielle.phrase).toMatch(/^calculé : [\d,]+ % d'après \d+ CPTS importées .* ; officiel : \d+ % au 1er mai 2024 \(écart [+-]?[\d,]+ points?\)$/);
    await expect.poll(() => page.getByTestId('completude-cpts').textContent()).toMatch(/couverture calculée sur 1 département à liste complète/);
    await waitForMapIdle(page);
    const png = await screenshot(page, 'liste-complete-44');
    const box = await mapBox(page);
    expect(countColor(png, blend(ZONE_BLANCHE_COLOR, 0.9, LAND), { box, tolerance: 12 }), 'hachures des zones blanches').toBeGreaterThan(100);
    // Nothing left « non renseigné » in 44: the layer the map draws has no such feature.
    const layers = await (await fetch(`${server.url}/api/coverage/cpts?territory=departement:44&format=geojson`)).json() as any;
    expect(layers.features.map((x: any) => x.properties.couche)).not.toContain('non_renseigne');
    expect(figures.communes.nonRenseignees).toBe(0);

    // With the CPTS layer alone (issue 22, item 7), the zones blanches of the département declared complete are hatched too.
    await page.goto(`${server.url}/?territoire=departement:44&couches=cpts`);
    await page.locator('[aria-label="Statut des CPTS"]').waitFor({ state: 'attached' });
    await waitForMapIdle(page);
    const cptsOnly = await screenshot(page, 'liste-complete-44-couche-cpts');
    expect(countColor(cptsOnly, blend(ZONE_BLANCHE_COLOR, 0.9, LAND), { box: await mapBox(page), tolerance: 12 }), 'hachures des zones blanches, couche des CPTS seule').toBeGreaterThan(100);
    expect(await page.getByTestId('legende-cpts-zones-blanches').textContent()).toMatch(/^zone blanche \(aucune CPTS, département à liste complète\) : \d+ communes$/);
    expect(errors).toEqual([]);
  });
});
