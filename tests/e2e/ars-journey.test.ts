/**
 * The ARS delegate's journey on `/`, in a app.browser against the production server on the fixture
 * database (embedded default of Réunion, Île-de-France, Pays de la Loire, Occitanie): choose a
 * territory, read the layers and their legends, the figures against the PRS targets, open a
 * structure, export the map and the tables, print the report, reach an overseas département.
 */
import { describe, expect, inject, it } from 'vitest';
import { useProductionApp } from './helpers/production-app';
import { countColor, mapBox, openPage, screenshot, waitForMapIdle, eventually } from './helpers/browser';
import { seriousViolations } from './helpers/axe';
import { blend } from './helpers/pixels';
import { CPTS_STATUS_COLORS, ZONE_BLANCHE_COLOR } from '../../web/src/features/coverage/layers/cpts-coverage-layers';
import { CLUSTER_COLOR } from '../../web/src/features/structures/layers/structure-layers';
import { BAND_COLORS } from '../../web/src/features/access/layers/access-layers';
import { NOT_KNOWN_COLOR } from '../../web/src/lib/not-known';

const LAND = '#f6f6f2';
const app = useProductionApp(() => inject('fixtureDir'));

const api = async (path: string) => (await fetch(`${app.server.url}${path}`)).json() as Promise<any>;
const num = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

describe('ARS delegate: explore a territory', () => {
  it('chooses Haute-Garonne, sees CPTS by status, « non renseigné » in grey (no CPTS list declared complete: no hatch) and clustered structures, and the figures against the PRS targets', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(app.server.url);
    await waitForMapIdle(page);
    await page.getByLabel('Région', { exact: true }).selectOption({ label: 'Occitanie' });
    await page.getByLabel('Département', { exact: true }).selectOption({ label: '31 — Haute-Garonne' });
    await page.getByRole('heading', { name: /Indicateurs — Haute-Garonne/ }).waitFor();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('territoire') === 'departement:31' && /carte=/.test(location.search));
    await waitForMapIdle(page);

    // Figures: what the page says is what the API computed; the real FINESS counts of Haute-Garonne.
    const coverage = await api('/api/coverage/cpts?territory=departement:31');
    expect(coverage.population.part).toBeNull(); // no complete CPTS list for 31 in the default
    const cptsFigure = page.locator('.maillage-figure').filter({ hasText: 'Population couverte par une CPTS' });
    await expect(cptsFigure.textContent()).resolves.toContain('non renseigné');
    await expect(cptsFigure.textContent()).resolves.toContain(coverage.completude.phrase);
    await expect(cptsFigure.textContent()).resolves.toMatch(/Cible PRS : ≥ 100\s%/);
    const offer = page.locator('table').filter({ hasText: 'Offre de soins du territoire' });
    await offer.waitFor();
    await eventually(() => offer.locator('tr', { hasText: 'MSP' }).locator('td').first().textContent()).toBe('59');
    await eventually(() => offer.locator('tr', { hasText: 'MMG' }).locator('td').first().textContent()).toBe('11');
    await eventually(() => offer.locator('tr', { hasText: 'Centres de santé' }).locator('td').first().textContent()).toBe('60');
    // Demonstration CPTS are labelled as such.
    await eventually(() => page.locator('.maillage-layers').getByText('démonstration').count()).toBeGreaterThan(0);
    const statusCount = (s: string) => coverage.cpts.filter((c: any) => c.statut === s).length;
    await eventually(() => page.getByText(`ACI signé (${statusCount('ACI signé')})`).count()).toBe(1);

    const png = await screenshot(page, 'parcours-ars-haute-garonne');
    const box = await mapBox(page);
    const present = Object.entries(CPTS_STATUS_COLORS).filter(([status]) => statusCount(status) > 0);
    expect(present.length, 'Haute-Garonne has CPTS of at least two statuses').toBeGreaterThanOrEqual(2);
    for (const [status, color] of present) expect(countColor(png, color, { box, tolerance: 12 }), `contour ${status}`).toBeGreaterThan(40);
    expect(countColor(png, blend(ZONE_BLANCHE_COLOR, 0.9, LAND), { box, tolerance: 12 }), 'aucune hachure de zone blanche').toBe(0);
    expect(countColor(png, blend(NOT_KNOWN_COLOR, 0.6, LAND), { box, tolerance: 6 }), 'gris « non renseigné »').toBeGreaterThan(300);
    expect(countColor(png, CLUSTER_COLOR, { box, tolerance: 12 }), 'groupes de structures').toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });

  it('switches layers on and off from the panel, keeps them in the address, and draws the distance bands with their legend', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/?territoire=departement:31`);
    await waitForMapIdle(page);
    for (const name of ['Territoires des CPTS', 'Zones blanches et chevauchements de CPTS', 'MSP, centres de santé, MMG et urgences']) {
      await page.getByRole('checkbox', { name }).uncheck({ force: true });
    }
    await page.getByRole('checkbox', { name: 'Distance à l’offre de soins non programmés' }).check({ force: true });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('couches') === 'acces');
    const access = await api('/api/access/snp?territory=departement:31');
    const first = access.bandes[0];
    await page.getByText(`${first.bande} : ${num(first.population)} hab.`).waitFor();
    await waitForMapIdle(page);
    const png = await screenshot(page, 'parcours-ars-distance');
    const box = await mapBox(page);
    const colorOf = (b: any, i: number) => (b.bande === 'non renseigné' ? NOT_KNOWN_COLOR : BAND_COLORS[i]);
    const drawn = access.bandes.filter((b: any, i: number) => b.communes > 20 && colorOf(b, i) && countColor(png, blend(colorOf(b, i)!, 0.85, LAND), { box, tolerance: 6 }) > 200);
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  it('keeps only the structures and CPTS that apply a protocole de coopération, labelled as demonstration', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/?territoire=departement:31`);
    await waitForMapIdle(page);
    const deployments = await api('/api/protocols/SNP-ODYNOPHAGIE/deployments');
    const structures = deployments.deploiements.filter((d: any) => d.structure && d.structure.departement === '31');
    await page.getByLabel('Montrer les structures et CPTS qui appliquent').selectOption('SNP-ODYNOPHAGIE');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('protocole') === 'SNP-ODYNOPHAGIE');
    const status = page.locator('.maillage-protocols [role=status]');
    await status.getByText(/appliquent ce protocole/).waitFor();
    await eventually(() => status.textContent()).toContain(`${deployments.deploiements.filter((d: any) => d.structure).length} structure(s)`);
    // No open data says where protocols are deployed: these deployments are demonstration rows, and said so.
    expect(deployments.donneesDemonstration).toBe(true);
    await eventually(() => status.locator('.maillage-demo').count()).toBe(1);
    const msp = structures.filter((d: any) => d.structure.categorie === 'MSP').length;
    await page.getByText(`Maison de santé pluriprofessionnelle (MSP) (${msp})`).waitFor();
    await waitForMapIdle(page);
    await screenshot(page, 'parcours-ars-protocole');
    expect(errors).toEqual([]);
  });

  it('opens a structure on the map with its kind, state, source and date', async () => {
    const { page, errors } = await openPage(app.browser);
    // MMG Colomiers (FINESS 310036256) in the middle of the map.
    await page.goto(`${app.server.url}/?territoire=departement:31&couches=structures&carte=14.00/43.598769/1.339267`);
    await waitForMapIdle(page);
    const box = await mapBox(page);
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    const popup = page.locator('.maplibregl-popup');
    await popup.getByRole('heading', { name: 'MMG COLOMIERS' }).waitFor();
    const text = await popup.textContent();
    expect(text).toContain('Maison médicale de garde (MMG)');
    expect(text).toContain('Colomiers');
    expect(text).toMatch(/Source : .*FINESS.*2026-08-10/);
    expect(text).toContain('horaires inconnus');
    expect(errors).toEqual([]);
  });

  it('exports the map as PNG and the tables as CSV, and prints a report with map, figures, sources and date', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/?territoire=departement:31`);
    await waitForMapIdle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Carte (PNG)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^maillage-carte-departement-31-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = await import('node:fs').then((fs) => download.path().then((p) => fs.readFileSync(p)));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe((await mapBox(page)).w); // as wide as the map canvas

    const csvHref = await page.getByRole('link', { name: 'Couverture CPTS par commune, tableau CSV' }).getAttribute('href');
    const csvBytes = Buffer.from(await (await fetch(new URL(csvHref!, app.server.url))).arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with BOM: opens in Excel
    const csv = csvBytes.subarray(3).toString('utf8');
    expect(csv.startsWith('code_commune;nom;')).toBe(true);
    expect(csv).toContain('31149;Colomiers');

    await page.evaluate(() => { window.print = () => undefined; });
    await page.getByRole('button', { name: 'Imprimer le rapport' }).click();
    // The report's map image: the button's capture (a data: URL), which a later idle of the map may
    // replace by a fresh one (a blob: URL) — either way a decoded image of the map must be there.
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img.maillage-report__map');
      return !!img && /^(data:image\/png|blob:)/.test(img.src) && img.complete && img.naturalWidth > 0;
    });
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('heading', { name: 'Rapport territorial — Haute-Garonne' }).waitFor();
    expect(await page.locator('.maillage-report').textContent()).toMatch(/édité le .* \d{4}/);
    expect(await page.locator('.maillage-report__sources').textContent()).toContain('IGN ADMIN EXPRESS');
    expect(await page.locator('.maillage-map-wrap').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: /Indicateurs — Haute-Garonne/ }).isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/parcours-ars-rapport-imprime.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('reaches La Réunion from the France view, and has no serious accessibility violation', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(app.server.url);
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'La Réunion' }).click();
    await page.getByRole('heading', { name: /Indicateurs — La Réunion/ }).waitFor();
    await page.waitForFunction(() => /carte=\d+(\.\d+)?\/-21\.\d+\/55\.\d+/.test(decodeURIComponent(location.search)));
    expect(new URL(page.url()).searchParams.get('territoire')).toBe('departement:974');
    await waitForMapIdle(page);
    await screenshot(page, 'parcours-ars-la-reunion');
    await page.getByRole('checkbox', { name: 'Service d’accès aux soins (SAS) par département' }).check({ force: true });
    await page.getByRole('checkbox', { name: 'Accessibilité aux soins non programmés (indice 2SFCA)' }).check({ force: true });
    await page.getByText('Indice du territoire').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

