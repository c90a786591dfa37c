/**
 * The France view on the embedded default (France build): no CPTS list is declared complete, so
 * no commune is hatched as a zone blanche — France is drawn in the neutral « non renseigné » grey,
 * with its own legend entry — and the headline CPTS and SAS figures are the official ones, with
 * their dates, read back from the mirror's baromètre files. Pixels and text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEODATA, INPUT_CACHE, mirrorDir, requireBuiltFrance } from '../helpers/paths';
import { useProductionApp } from './helpers/production-app';
import { countColor, mapBox, openPage, screenshot, waitForMapIdle } from './helpers/browser';
import { blend } from './helpers/pixels';
import { ZONE_BLANCHE_COLOR } from '../../web/src/features/coverage/layers/cpts-coverage-layers';
import { NOT_KNOWN_COLOR } from '../../web/src/lib/not-known';

const LAND = '#f6f6f2';
const app = useProductionApp(() => GEODATA, { before: requireBuiltFrance });
const api = async (path: string) => (await fetch(`${app.server.url}${path}`)).json() as Promise<any>;

/** The latest France value of an indicator in the mirror's file (plain split), with its date. */
function latestFrance(indicator: string): { date: string; value: number } {
  const path = mirrorDir() ? join(mirrorDir()!, 'barometre-action-publique', `ind-${indicator}.csv`) : join(INPUT_CACHE, 'barometre', `ind-${indicator}.csv`);
  const rows = readFileSync(path, 'utf8').split('\n').map((l) => l.split(',')).filter((r) => r[1] === 'FRANCE' && (r[5] || r[4]));
  const last = rows.sort((a, b) => (a[2]! < b[2]! ? -1 : 1)).at(-1)!;
  return { date: last[2]!, value: Number(last[5] || last[4]) };
}

const frenchNumber = (v: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(v);
const frenchDay = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).replace(/^1 /, '1er ');

describe('the France view tells known from not known', () => {
  it('leads with the official CPTS and SAS figures and their dates, and hatches no commune as zone blanche', async () => {
    const figures = await api('/api/coverage/cpts?territory=france');
    expect(figures.completude.departementsComplets).toEqual([]);
    expect(figures.zonesBlanches).toEqual([]);

    const { page, errors } = await openPage(app.browser);
    await page.goto(app.server.url);
    const cpts = latestFrance('589');
    const sas = latestFrance('587');
    expect([cpts, sas]).toEqual([{ date: '2024-05-01', value: 86.1 }, { date: '2024-09-01', value: 95 }]);
    const cptsText = page.getByTestId('officiel-IND-589');
    const sasText = page.getByTestId('officiel-IND-587');
    await expect.poll(() => cptsText.textContent()).toBe(`${frenchNumber(cpts.value)} % au ${frenchDay(cpts.date)}`);
    await expect.poll(() => sasText.textContent()).toBe(`${frenchNumber(sas.value)} % au ${frenchDay(sas.date)}`);
    // The official block comes first in the figures column, before the computed indicators.
    const order = await page.locator('.maillage-side--right section').evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
    expect(order.indexOf('officiels-titre')).toBeLessThan(order.indexOf('indicateurs-titre'));
    expect(order.indexOf('officiels-titre')).toBe(0);
    const headline = await page.locator('.maillage-official').evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-indicateur')));
    expect(headline).toEqual(['IND-589', 'IND-587']);
    // The computed CPTS figure says it cannot be computed, and why.
    const computed = page.locator('.maillage-figure').filter({ hasText: 'Population couverte par une CPTS, calculée' });
    await expect.poll(() => computed.textContent()).toMatch(/non renseigné.*aucun département à liste complète : couverture calculée impossible, 101 départements non renseignés/);
    await expect.poll(() => page.getByTestId('comparaison-cpts').textContent()).toMatch(/officiel : 86,1 % au 1er mai 2024/);
    // The legend names « non renseigné » apart from the zones blanches.
    const legend = page.getByTestId('legende-non-renseigne');
    await expect.poll(() => legend.textContent()).toMatch(new RegExp(`Non renseigné \\(liste des CPTS non déclarée complète\\) : ${new Intl.NumberFormat('fr-FR').format(figures.communes.nonRenseignees)} communes`));

    // The idle flag waits for the coverage states too (the map's queries): one frame, read once.
    await waitForMapIdle(page);
    const box = await mapBox(page);
    const png = await screenshot(page, 'france-non-renseigne');
    expect(countColor(png, blend(NOT_KNOWN_COLOR, 0.6, LAND), { box, tolerance: 6 }), 'France en gris « non renseigné »').toBeGreaterThan(20_000);
    const hatched = countColor(png, blend(ZONE_BLANCHE_COLOR, 0.9, LAND), { box, tolerance: 12 });
    expect(hatched, 'aucune hachure de zone blanche').toBe(0);
    expect(errors).toEqual([]);
  });
});
