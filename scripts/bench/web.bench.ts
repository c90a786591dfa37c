/**
 * Web targets, in headless Chromium against the production server on geodata/ (France):
 * région view and France view idle after navigation (fresh browser context each run: nothing
 * cached), and the JavaScript each journey downloads, gzipped, with and without MapLibre's worker.
 *
 * « Idle » = the last time the map fired `idle` (all default layers — CPTS, zones blanches,
 * structures — loaded and drawn), measured from navigation start inside the page. « Page
 * complete » = the last time a loading state disappeared (every figure of the indicator panel,
 * France-wide analyses included), reported apart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { runServer } from '../lib/run-server';
import { formatTiming, summarise, type BenchModule } from './harness';
import { geodataDir, REPO_ROOT } from '../lib/paths';

const DIST = join(REPO_ROOT, 'web/dist');
const RUNS = 7;

/**
 * Recorded inside the page (no polling from outside, which would slow a busy page down): the
 * times, from navigation start, at which the map last became idle and the page last stopped
 * showing a loading state.
 */
// A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
const RECORDER = `
  window.__idleAt = -1;
  window.__completeAt = -1;
  let wasIdle = false;
  let wasLoading = true;
  new MutationObserver(() => {
    const map = document.querySelector('[data-testid=carte]');
    if (!map) return;
    const idle = map.getAttribute('data-idle') === 'true';
    if (idle && !wasIdle) window.__idleAt = performance.now();
    wasIdle = idle;
    const loading = !!document.querySelector('.maillage-loading') || !document.querySelector('.maillage-figure__value');
    if (!loading && wasLoading) window.__completeAt = performance.now();
    wasLoading = loading;
  }).observe(document, { attributes: true, attributeFilter: ['data-idle'], childList: true, subtree: true });
`;

/** One cold navigation: ms until the map was last idle, until the page was complete, and the JS fetched. */
async function visit(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.addInitScript({ content: RECORDER });
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) scripts.add(new URL(r.url()).pathname);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const read = () =>
    page.evaluate(`({
      idleAt: window.__idleAt, completeAt: window.__completeAt,
      settled: document.querySelector('[data-testid=carte]')?.getAttribute('data-idle') === 'true' && !document.querySelector('.maillage-loading'),
    })`) as Promise<{ idleAt: number; completeAt: number; settled: boolean }>;
  // Settled and quiet for 1.5 s (nothing more to load or draw), then read the recorded times.
  const deadline = Date.now() + 120_000;
  let quietSince = 0;
  let last = await read();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await read();
    const changed = now.idleAt !== last.idleAt || now.completeAt !== last.completeAt;
    last = now;
    if (!now.settled || changed) quietSince = 0;
    else if (quietSince === 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 1500) break;
  }
  await context.close();
  if (errors.length > 0) throw new Error(`Erreurs dans la page ${url} : ${errors.join(' ; ')}`);
  if (last.idleAt < 0 || last.completeAt < 0) throw new Error(`La page ${url} n'a pas fini de se charger en 2 min`);
  return { settled: last.idleAt, complete: last.completeAt, scripts: [...scripts] };
}

const gz = (path: string) => gzipSync(readFileSync(join(DIST, path))).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

const bench: BenchModule = {
  name: 'web',
  async run(log) {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('Application web non construite : lancez « npx vite build ».');
    if (!existsSync(join(geodataDir(), 'maillage.duckdb'))) throw new Error('Lancez « npm run setup » avant « npm run bench ».');
    let met = true;
    const server = await runServer({ compiled: true, env: { MAILLAGE_READ_ONLY: '1' } });
    const browser = await launchChromium();
    try {
      const base = server.url;
      const structures = (await (await fetch(`${base}/api/structures?departement=31`)).json()) as { features: unknown[] };
      if (structures.features.length === 0) log('⚠ aucune structure dans la base : construisez geodata/ avec l’offre de soins embarquée (npm run build:data).');
      const views = [
        { label: 'Vue région (Occitanie), carte au repos', url: `${base}/?territoire=region:76`, target: 2000 },
        { label: 'Vue France, carte au repos', url: `${base}/`, target: 3000 },
      ];
      const journeyScripts = new Map<string, string[]>();
      for (const v of views) {
        await visit(browser, v.url); // warm-up: server caches, Chromium's shader compilation
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, v.url));
        const settled = summarise(v.label, runs.map((r) => r.settled));
        const complete = summarise(`${v.label.replace(', carte au repos', '')}, page complète (tous les chiffres)`, runs.map((r) => r.complete));
        log(formatTiming(settled, { maxMs: v.target }));
        log(formatTiming(complete));
        met &&= settled.medianMs <= v.target;
        journeyScripts.set(v.url === `${base}/` ? 'exploration (/)' : 'exploration région', runs[0]!.scripts);
      }
      for (const [name, url] of [['SNP (/snp?q=Colomiers)', `${base}/snp?q=Colomiers`], ['CPTS (/cpts/…)', `${base}/cpts/REU-974-GRAND-SUD`]] as const) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const scripts = new Set<string>();
        page.on('request', (r) => { if (/\.m?js(\?|$)/.test(r.url())) scripts.add(new URL(r.url()).pathname); });
        await page.goto(url);
        await page.waitForSelector('[data-testid=carte][data-idle=true]', { timeout: 60_000 });
        journeyScripts.set(name, [...scripts]);
        await context.close();
      }
      const isWorker = (p: string) => p.includes('maplibre-gl-worker');
      for (const [name, scripts] of journeyScripts) {
        if (name === 'exploration région') continue;
        const files = scripts.map((p) => p.replace(/^\//, '')).filter((p) => existsSync(join(DIST, p)));
        const withWorker = files.reduce((s, f) => s + gz(f), 0);
        const withoutWorker = files.filter((f) => !isWorker(f)).reduce((s, f) => s + gz(f), 0);
        const ok = withoutWorker <= 500 * 1024;
        log(`${`JS gzip du parcours ${name}`.padEnd(52)} ${kb(withoutWorker)} sans le worker, ${kb(withWorker)} avec${ok ? '  ✔ cible ≤ 500 kB (sans worker)' : '  ✘ cible ≤ 500 kB MANQUÉE'}${withWorker > 500 * 1024 ? ' ; ✘ avec le worker' : ''}`);
        if (name === 'exploration (/)') met &&= withWorker <= 500 * 1024;
      }
      const all = readdirSync(join(DIST, 'assets')).filter((f) => /\.m?js$/.test(f));
      const biggest = all.map((f) => ({ f, size: gz(`assets/${f}`) })).sort((a, b) => b.size - a.size).slice(0, 5);
      log(`${'Tout le JS construit (toutes pages)'.padEnd(52)} ${kb(all.reduce((s, f) => s + gz(`assets/${f}`), 0))} ; plus gros : ${biggest.map((b) => `${b.f.replace(/-[\w-]{8}\.m?js$/, '')} ${kb(b.size)}`).join(', ')}`);
    } finally {
      await browser.close();
      await server.stop();
    }
    return met;
  },
};

export default bench;
