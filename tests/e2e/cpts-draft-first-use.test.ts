/**
 * Issue 12, items 8–10: the CPTS coordinator's draft of CPTS Grand Sud Réunion at 1366 × 900, on
 * the fixture database: any commune added by name (Saint-Pierre, not a neighbour only), the map
 * re-fitted to the new perimeter, the heading following the draft, the effect on La Réunion's
 * coverage rate and on the structures now inside (the CHU site of Saint-Pierre), a CSV with the
 * CPTS's name and id and each commune added or removed, « copier le lien », area and « morceaux
 * séparés du territoire » known before any change; axe clean on /cpts and /cpts/<id>.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { useProductionApp } from './helpers/production-app';
import { screenshot, waitForMapIdle } from './helpers/browser';
import { DESKTOP, moderateOrWorseViolations, openContextPage } from './helpers/page-checks';

const app = useProductionApp(() => inject('fixtureDir'));
const api = async (path: string, init?: RequestInit) => (await (await fetch(`${app.server.url}${path}`, init)).json()) as any;
const num = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ');
const pct = (n: number) => new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(n).replace(/\s/g, ' ');
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

/** Visible bounds of a MapLibre view (512 px tiles, Web Mercator) from the `carte=zoom/lat/lon` parameter. */
function viewBounds(carte: string, width: number, height: number) {
  const [zoom, lat, lon] = carte.split('/').map(Number) as [number, number, number];
  const world = 512 * 2 ** zoom;
  const x = ((lon + 180) / 360) * world;
  const y = ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
  const toLon = (px: number) => (px / world) * 360 - 180;
  const toLat = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / world))) * 180) / Math.PI;
  return { west: toLon(x - width / 2), east: toLon(x + width / 2), north: toLat(y - height / 2), south: toLat(y + height / 2) };
}

describe('the CPTS coordinator drafts a perimeter, first use (issue 12, items 8–10)', () => {
  it('CPTS Grand Sud Réunion: Saint-Pierre added by name, the map re-fitted, the heading, the département and the structures follow; CSV, link, area and pieces', async () => {
    const { page, errors } = await openContextPage(app.browser, { viewport: DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${app.server.url}/cpts/REU-974-GRAND-SUD?brouillon=1`);
    await page.getByRole('heading', { name: 'Brouillon de périmètre' }).waitFor();
    const detail = await api('/api/cpts/REU-974-GRAND-SUD');
    const official = detail.communes.map((c: any) => c.code);
    const officialPerimeter = await api('/api/perimeter', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ communes: official }) });

    // Before any change: area and pieces are known, with words instead of « Parties ».
    const figures = page.locator('.maillage-draft .maillage-figures');
    await figures.filter({ hasText: 'km²' }).waitFor();
    expect(flat(await figures.textContent())).toContain(`Superficie${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(officialPerimeter.properties.area_km2)} km²`);
    expect(flat(await figures.textContent())).toContain(`Morceaux séparés du territoire${officialPerimeter.properties.parties}${officialPerimeter.properties.parties === 1 ? ' (d’un seul tenant)' : ''}`);
    expect(flat(await figures.textContent())).not.toContain('Parties');
    expect(flat(await figures.textContent())).not.toMatch(/Superficie—|tenant—/);

    // Saint-Pierre is not a neighbour of the CPTS: found by its name.
    const coverageBefore = (await api('/api/coverage/cpts?territory=departement:974')).population;
    const saintPierre = (await api('/api/communes/97416')).commune;
    const search = page.getByLabel('Ajouter une commune (nom, code postal ou code INSEE)');
    await search.fill('Saint-Pierre');
    await page.getByRole('option', { name: /Saint-Pierre \(974 — La Réunion\)/ }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ajouts') === '97416');
    const population = detail.cpts.population.calculee + saintPierre.population;
    expect(population).toBe(142394);

    // The heading follows the draft.
    const head = page.locator('.maillage-cpts__head .maillage-figures');
    await head.filter({ hasText: num(population) }).waitFor();
    expect(flat(await head.textContent())).toContain(`Population (communes, COG) — brouillon${num(population)} hab. officiel : ${num(57356)} hab.`);
    expect(flat(await head.textContent())).toContain('Communes — brouillon4 officiel : 3');
    expect(flat(await figures.textContent())).toContain(`${num(population)} hab. (+${num(saintPierre.population)})`);

    // The département's coverage rate and the structures now inside.
    const rate = page.locator('.maillage-draft__rate');
    await rate.waitFor();
    const zb = (await api('/api/coverage/cpts?territory=departement:974')).zonesBlanches.some((c: any) => c.code === '97416');
    const after = (coverageBefore.couverte + (zb ? saintPierre.population : 0)) / coverageBefore.totale;
    if (coverageBefore.part === null) {
      // La Réunion's CPTS list is not declared complete: the rate is « non renseignée », before and after.
      expect(flat(await rate.textContent())).toBe(`Population couverte par une CPTS : non renseignée pour ce département (liste des CPTS non déclarée complète), avant comme après ce brouillon. Le brouillon ajoute ${num(saintPierre.population)} hab. de communes sans CPTS connue.`);
    } else {
      expect(flat(await rate.textContent())).toContain(`Population couverte par une CPTS : ${pct(coverageBefore.part)} aujourd’hui, ${pct(after)} avec ce brouillon`);
      if (zb) expect(flat(await rate.textContent())).toContain(`+${num(saintPierre.population)} hab.`);
    }
    const inSaintPierre = (await api('/api/structures?departement=974')).features.filter((f: any) => f.properties.commune.code === '97416');
    expect(inSaintPierre.map((f: any) => f.properties.nom)).toContain('CHU de La Réunion – site de Saint-Pierre');
    const entering = flat(await page.locator('.maillage-draft__structures').textContent());
    for (const f of inSaintPierre) expect(entering).toContain(f.properties.nom);
    expect(entering).toMatch(/^Entrent dans le territoire : /);

    // The map fits the new perimeter after each change: Saint-Denis, across the island, added by its INSEE code.
    await search.fill('97411');
    await page.getByRole('option', { name: /Saint-Denis \(974 — La Réunion\)/ }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ajouts') === '97411,97416');
    const draftPerimeter = await api('/api/perimeter', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ communes: [...official, '97411', '97416'] }) });
    const canvas = (await page.locator('[data-testid=carte] canvas').boundingBox())!;
    const [w, s, e, n] = draftPerimeter.bbox as number[];
    await expect.poll(() => {
      const view = viewBounds(new URL(page.url()).searchParams.get('carte')!, canvas.width, canvas.height);
      return view.west <= w! + 0.01 && view.east >= e! - 0.01 && view.south <= s! + 0.01 && view.north >= n! - 0.01;
    }, { timeout: 15_000 }).toBe(true);
    await waitForMapIdle(page);
    await screenshot(page, 'issue12-brouillon-grand-sud-saint-denis');
    await page.locator('table', { hasText: 'Communes du brouillon' }).getByRole('button', { name: /Retirer Saint-Denis/ }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ajouts') === '97416');
    await screenshot(page, 'issue12-brouillon-grand-sud-saint-pierre');

    // CSV: the CPTS's id and name, each commune with what the draft does to it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les communes (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('cpts_id;cpts_nom;code_commune;nom;departement;population;changement;dans_le_brouillon');
    expect(csv).toContain(`REU-974-GRAND-SUD;CPTS Grand Sud Réunion;97416;Saint-Pierre;974;${saintPierre.population};ajoutée;oui`);
    expect(csv.filter((l) => l.endsWith(';inchangée;oui'))).toHaveLength(3);
    expect(download.suggestedFilename()).toMatch(/^brouillon-perimetre_reu-974-grand-sud_\d{4}-\d{2}-\d{2}\.csv$/);

    // Removing an official commune is said as such in the CSV too.
    await page.locator('table', { hasText: 'Communes du brouillon' }).getByRole('button', { name: /Retirer Saint-Philippe/ }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('retraits') === '97417');
    const [download2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les communes (CSV)' }).click()]);
    expect(readFileSync((await download2.path())!, 'utf8')).toMatch(/REU-974-GRAND-SUD;CPTS Grand Sud Réunion;97417;Saint-Philippe;974;\d+;retirée;non/);

    // « Copier le lien »: the address of the draft, as it is now.
    await page.getByRole('button', { name: 'Copier le lien du brouillon' }).click();
    await page.locator('.maillage-copy-status', { hasText: 'Lien du brouillon copié' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(new URL(page.url()).searchParams.get('ajouts')).toBe('97416');

    expect(await moderateOrWorseViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a draft over two départements: the effect on each, as the server computes it, « non renseignée » where the list is not complete', async () => {
    // Erdre et Cens (44) with a commune of Maine-et-Loire that no CPTS lists: the page used to show its first département only.
    const cpts = 'PDL-44-ERDRE-ET-CENS';
    const official = ((await api(`/api/cpts/${cpts}`)).communes as any[]).map((c) => c.code);
    const listed49 = new Set<string>();
    for (const c of (await api('/api/cpts?departement=49')).cpts as any[]) for (const m of (await api(`/api/cpts/${c.id}`)).communes as any[]) listed49.add(m.code);
    const added = ((await api('/api/communes?departement=49')).features as any[]).map((x) => x.properties).find((c) => !listed49.has(c.code) && c.population > 1000);
    const expected = (await api(`/api/cpts/${cpts}/brouillon`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ communes: [...official, added.code] }) })).effetDepartements as any[];
    expect(expected.map((e) => [e.departement, e.apres.part])).toEqual([['44', null], ['49', null]]);

    const { page, errors } = await openContextPage(app.browser, { viewport: DESKTOP });
    await page.goto(`${app.server.url}/cpts/${cpts}?brouillon=1&ajouts=${added.code}`);
    await page.getByRole('heading', { name: 'Brouillon de périmètre' }).waitFor();
    const effect = (dep: string) => page.locator(`.maillage-draft__territory [data-departement="${dep}"]`);
    await effect('49').waitFor();
    expect(flat(await effect('44').textContent())).toBe('Effet sur le département (Loire-Atlantique)Population couverte par une CPTS : non renseignée pour ce département (liste des CPTS non déclarée complète), avant comme après ce brouillon.');
    expect(flat(await effect('49').textContent())).toBe(`Effet sur le département (Maine-et-Loire)Population couverte par une CPTS : non renseignée pour ce département (liste des CPTS non déclarée complète), avant comme après ce brouillon. Le brouillon ajoute ${num(expected[1].difference)} hab. de communes sans CPTS connue.`);
    expect(expected[1].difference).toBe(added.population);
    expect(errors).toEqual([]);
  });

  it('the CPTS list has no moderate, serious or critical axe violation', async () => {
    const { page, errors } = await openContextPage(app.browser, { viewport: DESKTOP });
    await page.goto(`${app.server.url}/cpts`);
    await page.getByRole('link', { name: 'CPTS Grand Sud Réunion' }).waitFor();
    expect(await moderateOrWorseViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
