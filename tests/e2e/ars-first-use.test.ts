/**
 * Issue 12, items 1–7: the ARS delegate's first use of `/?territoire=departement:44` (and 49) at
 * 1366 × 900 on the fixture database: Nantes said and drawn as partly covered; the lists behind
 * the figures (sites without an MMG with the nearest one, zones blanches, communes beyond the
 * threshold), each exportable; targets said in the unit of their figure; the CPTS that cannot be
 * drawn said; the map controls in French and a page heading; and the printed report — through the
 * button and through the browser's own print (Ctrl+P, i.e. print media without the button) — with
 * the map image, its legend, the figures, the lists and the full sources, read from the PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useProductionApp } from './helpers/production-app';
import { declaredComplete } from './helpers/declared-fixture';
import { countColor, eventually, mapBox, screenshot, waitForMapIdle } from './helpers/browser';
import { DESKTOP, moderateOrWorseViolations, openContextPage } from './helpers/page-checks';
import { blend } from './helpers/pixels';
import { CPTS_LABEL_ID, CPTS_STATUS_COLORS, PARTIAL_COLOR } from '../../web/src/features/coverage/layers/cpts-coverage-layers';
import { STRUCTURES_POINTS_ID } from '../../web/src/features/structures/layers/structure-layers';
import type { MapElement } from '../../web/src/map/MapView';

const LAND = '#f6f6f2';
// The ARS has declared the CPTS, MMG and SNP offer lists of Loire-Atlantique complete: zones blanches,
// « SU sans MMG » and « à plus de 30 km » are then computed there (issue 8: not known is never absent).
const app = useProductionApp(() => declaredComplete(inject('fixtureDir'), ['44'], ['cpts', 'mmg', 'snp']));
const api = async (path: string) => (await (await fetch(`${app.server.url}${path}`)).json()) as any;
const num = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ');
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

async function openLoireAtlantique(path = '/?territoire=departement:44') {
  const w = await openContextPage(app.browser, { viewport: DESKTOP });
  await w.page.goto(`${app.server.url}${path}`);
  await w.page.getByRole('heading', { name: /Indicateurs — / }).waitFor();
  return w;
}

/**
 * For the structures `ids` placed at `lngLat`: each one that is, at some pixel near that point,
 * the only one of them the symbol layer has drawn there, with that pixel (canvas coordinates).
 * Read from the map itself (`queryRenderedFeatures` through the container, MapView's MapElement).
 */
function symbolsDrawnAlone(page: Page, lngLat: [number, number], ids: string[]): Promise<Record<string, [number, number]>> {
  return page.evaluate(({ lngLat, ids, layer }) => {
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
  }, { lngLat, ids, layer: STRUCTURES_POINTS_ID });
}

/** Every CPTS name the label layer has placed on the map now (`queryRenderedFeatures`: placed symbols only). */
function cptsLabelsDrawn(page: Page): Promise<string[]> {
  return page.evaluate((layer) => {
    const map = (document.querySelector('[data-testid=carte]') as MapElement).maillageMap!;
    return [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.nom)))].sort();
  }, CPTS_LABEL_ID);
}

/** Text and images of the PDF Chromium prints for the page as it is now (print media). */
async function printedReport(page: Page, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-rapport-'));
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    .map((l) => l.trim().split(/\s+/)).map((c) => ({ width: Number(c[3]), height: Number(c[4]) }));
  return { text: text.replace(/\s+/g, ' '), images };
}

describe('the ARS delegate on /, first use (issue 12, items 1–7)', () => {
  it('Loire-Atlantique: « dont 327 734 hab. en couverture partielle », Nantes drawn paler and dashed, the legend says so; controls in French, one <h1>, axe clean', async () => {
    const { page, errors } = await openLoireAtlantique();
    const coverage = await api('/api/coverage/cpts?territory=departement:44');
    expect(coverage.partielles.map((c: any) => c.nom)).toEqual(['Nantes']);
    const figure = page.locator('.maillage-figure').filter({ hasText: 'Population couverte par une CPTS' });
    await figure.filter({ hasText: 'couverture partielle' }).waitFor();
    expect(flat(await figure.textContent())).toContain(`${num(coverage.population.couverte)} hab. sur ${num(coverage.population.totale)}, dont 327 734 hab. en couverture partielle (Nantes : quelques quartiers seulement, comptés couverts)`);
    // The legend fills in once the CPTS layers have arrived (« Chargement des territoires des CPTS… » before).
    await eventually(async () => flat(await page.locator('.maillage-layers__legend').first().textContent())).toContain('commune couverte en partie seulement : Nantes (327 734 hab.)');
    expect(flat(await page.locator('details.maillage-details', { hasText: 'Cibles PRS et méthodes' }).textContent())).not.toContain('couvertePartiellement');

    await waitForMapIdle(page);
    const png = await screenshot(page, 'issue12-ars-loire-atlantique');
    const box = await mapBox(page);
    const whole = blend(CPTS_STATUS_COLORS['ACI signé'], 0.18, LAND);
    const partial = blend(PARTIAL_COLOR, 0.6, whole);
    expect(countColor(png, whole, { box, tolerance: 5 }), 'communes entièrement couvertes').toBeGreaterThan(300);
    expect(countColor(png, partial, { box, tolerance: 5 }), 'Nantes, couverte en partie').toBeGreaterThan(300);

    // Map controls in French (MapLibre `locale`), and the page has its heading.
    for (const name of ['Zoomer', 'Dézoomer']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
    // The offline basemap has no attribution button; whichever controls are shown speak French.
    const labels = await page.locator('.maplibregl-ctrl button, .maplibregl-canvas').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.filter((l) => /Zoom in|Zoom out|Toggle attribution|^Map$/.test(l))).toEqual([]);
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Carte');
    expect(await page.locator('h1:visible').allTextContents()).toEqual(['Explorer un territoire — Loire-Atlantique']);
    expect(await moderateOrWorseViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Loire-Atlantique: each figure opens its list — sites without an MMG with the nearest one and its distance, zones blanches, communes beyond 30 km — each as CSV; targets in the unit of the figure', async () => {
    const { page, errors } = await openLoireAtlantique();
    const access = await api('/api/access/snp?territory=departement:44');
    const coverage = await api('/api/coverage/cpts?territory=departement:44');
    const su = page.locator('.maillage-figure').filter({ hasText: 'Sites d’urgence avec une MMG à moins de 10 km' });
    const summary = su.locator('summary');
    await summary.waitFor();
    expect(flat(await summary.textContent())).toBe(`Voir la liste : ${access.suSansMmg.liste.length} sites d’urgence sans MMG à moins de 10 km`);
    await summary.click();
    const rows = await su.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual(access.suSansMmg.liste.map((s: any) => [s.nom, s.mmgLaPlusProche?.nom ?? 'aucune MMG connue', s.mmgLaPlusProche ? `${num(Math.round(s.mmgLaPlusProche.distanceRouteKm * 10) / 10)} km` : '—']));
    expect(rows.map((r: any) => r[0])).toContain('Centre hospitalier Erdre et Loire');
    const suCsv = await (await fetch(new URL((await su.locator('a.maillage-exports__file').getAttribute('href'))!, app.server.url))).text();
    expect(suCsv.trim().split('\n')).toHaveLength(access.suSansMmg.liste.length + 1);
    // The target of a count is a count (« 3 sur 3 »), not « ≥ 100 % ».
    const suCount = Number(/sur (\d+)/.exec(flat(await su.locator('.maillage-figure__value').textContent()))![1]);
    expect(flat(await su.locator('.maillage-figure__target').textContent())).toContain(`Cible PRS : ${suCount} sur ${suCount}`);

    const cpts = page.locator('.maillage-figure').filter({ hasText: 'Population couverte par une CPTS' });
    expect(flat(await cpts.locator('summary').textContent())).toBe(`Voir la liste : ${coverage.zonesBlanches.length} communes en zone blanche (aucune CPTS)`);
    const zb = await (await fetch(new URL((await cpts.locator('a.maillage-exports__file').getAttribute('href'))!, app.server.url))).text();
    expect(zb.split('\r\n')[0]).toMatch(/code_commune;nom;departement;population/);
    expect(zb).toContain('44001;Abbaretz;44;2073');
    expect(zb.trim().split('\r\n')).toHaveLength(coverage.zonesBlanches.length + 1);

    const far = page.locator('.maillage-figure').filter({ hasText: 'Population à plus de 30 km' });
    expect(flat(await far.locator('summary').textContent())).toBe(`Voir la liste : ${access.auDelaDuSeuil.liste.length} communes à plus de 30 km par la route`);
    const farCsv = await (await fetch(new URL((await far.locator('a.maillage-exports__file').getAttribute('href'))!, app.server.url))).text();
    expect(farCsv.trim().split('\r\n')).toHaveLength(access.auDelaDuSeuil.liste.length + 1);
    await page.locator('details.maillage-details', { hasText: 'Cibles PRS et méthodes' }).locator('summary').click();
    expect(flat(await page.locator('details.maillage-details', { hasText: 'Cibles PRS et méthodes' }).textContent())).not.toContain('30 minutes');

    // Rates a large département can read: per 100 000, one decimal.
    const table = page.locator('table').filter({ hasText: 'Offre de soins du territoire' });
    expect(await table.locator('thead th').allTextContents()).toEqual(['Type', 'Nombre', 'Pour 100 000 hab.']);
    const offer = (await api('/api/indicators?territory=departement:44')).offre.total;
    const su100k = await table.locator('tr', { hasText: 'Sites d’urgence' }).locator('td').nth(1).textContent();
    expect(su100k).toBe(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(offer.pour10000.SU * 10));
    expect(su100k).not.toBe('0');

    // The zones-blanches export is offered with the other tables, as a button-sized link.
    const exportLink = page.getByRole('link', { name: 'Communes sans CPTS (zones blanches), tableau CSV' });
    const b = (await exportLink.boundingBox())!;
    expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
    expect(errors).toEqual([]);
  });

  it('Loire-Atlantique: every CPTS drawn on the map has its name drawn', async () => {
    const { page, errors } = await openLoireAtlantique();
    const drawn = (await api('/api/cpts?departement=44')).cpts.filter((c: any) => c.territoireRenseigne).map((c: any) => c.nom).sort();
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    await waitForMapIdle(page);
    await eventually(() => cptsLabelsDrawn(page)).toEqual(drawn);
    expect(errors).toEqual([]);
  });

  it('Haute-Garonne: structures placed at the same point are drawn as distinct symbols and all in the card (an emergency site with its nearest MMG and distance)', async () => {
    // The first point of 31 that holds two structures or more (two centres de santé of Montréjeau at one address).
    const groups = new Map<string, any[]>();
    for (const f of (await api('/api/structures?departement=31')).features) {
      const key = f.geometry.coordinates.join(',');
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const here = [...groups.values()].find((g) => g.length >= 2)!;
    expect(here.length).toBeGreaterThanOrEqual(2);
    const [lon, lat] = here[0].geometry.coordinates;
    const { page, errors } = await openLoireAtlantique(`/?territoire=departement:31&couches=structures&carte=14.00/${lat}/${lon}`);
    await waitForMapIdle(page);
    // Each structure is its own symbol: somewhere on screen it is drawn alone (not under the other).
    const ids = here.map((f) => f.properties.id).sort();
    await eventually(async () => Object.keys(await symbolsDrawnAlone(page, [lon, lat], ids)).sort()).toEqual(ids);
    const alone = await symbolsDrawnAlone(page, [lon, lat], ids);
    // A click on one of them opens the card of all that share its point, at the true position.
    const box = await mapBox(page);
    const [x, y] = alone[ids[0]!]!;
    await page.mouse.click(box.x + x, box.y + y);
    const popup = page.locator('.maplibregl-popup');
    await popup.getByText(`${here.length} structures au même point`).waitFor();
    const access = await api('/api/access/snp?territory=departement:31');
    for (const f of here) {
      expect(await popup.locator('.maillage-popup-list__item h3', { hasText: f.properties.nom }).count()).toBeGreaterThan(0);
      if (f.properties.categorie !== 'SU') continue;
      const item = popup.locator('.maillage-popup-list__item', { hasText: f.properties.nom });
      const without = access.suSansMmg.liste.find((s: any) => s.id === f.properties.id);
      const note = item.locator(without ? '.maillage-su-mmg' : 'p', { hasText: 'MMG' });
      await note.first().waitFor();
      if (without) expect(flat(await note.textContent())).toBe(`Pas de MMG à moins de 10 km. MMG la plus proche : ${without.mmgLaPlusProche.nom}, à ${num(Math.round(without.mmgLaPlusProche.distanceRouteKm * 10) / 10)} km par la route (estimée).`);
    }
    expect(errors).toEqual([]);
  });

  it('Maine-et-Loire: the CPTS whose communes are unknown are said, not silently left out', async () => {
    const { page, errors } = await openLoireAtlantique('/?territoire=departement:49');
    const unmapped = (await api('/api/cpts?departement=49')).cpts.filter((c: any) => !c.territoireRenseigne);
    expect(unmapped.length).toBe(3);
    const note = page.locator('.maillage-legend__unmapped');
    await note.waitFor();
    expect(flat(await note.textContent())).toBe(`3 CPTS sans communes renseignées, non dessinées : ${unmapped.map((c: any) => c.nom).join(', ')}.`);
    expect(errors).toEqual([]);
  });

  for (const how of ['bouton « Imprimer le rapport »', 'Ctrl+P (impression du navigateur)'] as const) {
    it(`the printed report (${how}) has the map image, its legend, the figures, the lists and the full sources`, async () => {
      const { page, errors } = await openLoireAtlantique();
      await waitForMapIdle(page);
      if (how.startsWith('bouton')) {
        // What the report holds at the instant the print dialog would open (the PDF below is taken later).
        await page.evaluate(() => {
          (window as any).printed = null;
          window.print = () => {
            const img = document.querySelector<HTMLImageElement>('img.maillage-report__map');
            (window as any).printed = { image: Boolean(img?.complete && img.naturalWidth > 300), sources: document.querySelectorAll('.maillage-report__sources li').length };
          };
        });
        await page.getByRole('button', { name: 'Imprimer le rapport' }).click();
        await page.waitForFunction(() => (window as any).printed !== null);
        const atPrint = await page.evaluate(() => (window as any).printed as { image: boolean; sources: number });
        const files = (await api('/api/sources')).fichiers.length;
        expect(atPrint, 'au moment d’imprimer : l’image de la carte et toutes les sources').toEqual({ image: true, sources: files + 3 });
      } else {
        // Ctrl+P: nothing runs before the print media; the report must already hold the map and the sources.
        await page.waitForFunction(() => {
          const img = document.querySelector<HTMLImageElement>('img.maillage-report__map');
          return Boolean(img?.complete && img.naturalWidth > 300) && document.querySelector('.maillage-report__sources li') !== null;
        });
      }
      const access = await api('/api/access/snp?territory=departement:44');
      const coverage = await api('/api/coverage/cpts?territory=departement:44');
      const sources = await api('/api/sources');
      const { text, images } = await printedReport(page, how.startsWith('bouton') ? 'rapport-bouton' : 'rapport-ctrl-p');
      expect(images.some((i) => i.width > 300 && i.height > 200), 'image de la carte').toBe(true);
      expect(text).toContain('Rapport territorial — Loire-Atlantique');
      // Legend of the map: CPTS by status, the partial commune, zones blanches.
      expect(text).toContain('ACI signé (2)');
      expect(text).toContain('commune couverte en partie seulement : Nantes (327 734 hab.)');
      // Figures and the lists behind them, in full.
      expect(text).toContain(new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(coverage.population.part).replace(/\s/g, ' '));
      expect(text).toContain('dont 327 734 hab. en couverture partielle');
      for (const s of access.suSansMmg.liste) expect(text).toContain(s.nom);
      expect(text).toContain(access.suSansMmg.liste[0].mmgLaPlusProche.nom);
      const lastZb = coverage.zonesBlanches.at(-1);
      expect(text).toContain(`${lastZb.nom} (${lastZb.code})`);
      const lastFar = access.auDelaDuSeuil.liste.at(-1);
      expect(text).toContain(`${lastFar.nom} (${lastFar.code})`);
      // Every source file, and no screen-only instruction.
      for (const f of sources.fichiers) expect(text).toContain(f.title);
      expect(text).toContain('Licence Ouverte 2.0');
      expect(text).not.toContain('cliquez un symbole');
      expect(errors).toEqual([]);
    });
  }
});
