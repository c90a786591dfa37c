/**
 * `npm run bench -- web` (with web.bench.ts): what a new user downloads and waits for, in headless
 * Chromium against the production server on geodata/ (France), each visit in a fresh browser
 * context (nothing cached), measured through the DevTools protocol:
 * - bytes on the wire per view (every response's encoded body and headers, the tile requests of
 *   MapLibre's worker included), by kind: JS + CSS, API, tiles, fonts, other;
 * - cold load under CDP network emulation at 10 Mbit/s and 40 ms latency, and unthrottled: the
 *   France and région views until the map is idle with nothing loading, the SNP finder until its
 *   list of offers is shown (and the bytes received until then);
 * - the tile size distribution of the built tiles (raw and gzip, per zoom).
 * Targets of the issue are printed beside each result.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, CDPSession } from 'playwright-core';
import { openDatabase } from '../../server/src/db/connection';
import { formatDistribution, tileDistribution } from '../build/tile-budget';
import { launchChromium } from '../lib/chromium';
import { runServer } from '../lib/run-server';
import { geodataDir, REPO_ROOT } from '../lib/paths';
import { formatTiming, summarise, type BenchModule } from './harness';

const RUNS = 3;
const THROTTLE = { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (10e6 / 8) };

interface View { label: string; path: string; until: 'map' | 'list'; maxBytes: number; maxMsThrottled: number; maxApiBytes?: number }

const VIEWS: View[] = [
  { label: 'France (/)', path: '/', until: 'map', maxBytes: 1.5e6, maxMsThrottled: 3500, maxApiBytes: 200e3 },
  { label: 'région (/?territoire=region:76)', path: '/?territoire=region:76', until: 'map', maxBytes: 1.0e6, maxMsThrottled: 3000 },
  { label: 'SNP (/snp?q=Colomiers), liste affichée', path: '/snp?q=Colomiers', until: 'list', maxBytes: 0.5e6, maxMsThrottled: 2000 },
];

// Recorded inside the page: when the map last became idle with nothing loading, and when the list of offers first showed.
const RECORDER = `
  window.__settledAt = -1; window.__listAt = -1;
  window.__long = { count: 0, total: 0, max: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) { window.__long.count++; window.__long.total += e.duration; window.__long.max = Math.max(window.__long.max, e.duration); }
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const map = document.querySelector('[data-testid=carte]');
    const settled = map && map.getAttribute('data-idle') === 'true' && !document.querySelector('.maillage-loading');
    if (settled && window.__wasSettled !== true) window.__settledAt = performance.now();
    window.__wasSettled = !!settled;
    if (window.__listAt < 0 && document.querySelector('ol.maillage-offers > li')) window.__listAt = performance.now();
  }).observe(document, { attributes: true, childList: true, subtree: true });
`;

type Kind = 'JS + CSS' | 'API' | 'tuiles' | 'polices' | 'autres';
const kindOf = (url: string): Kind => {
  const path = new URL(url).pathname;
  if (path.startsWith('/api/tiles/')) return 'tuiles';
  if (path.startsWith('/api/')) return 'API';
  if (/\.(m?js|css)$/.test(path)) return 'JS + CSS';
  if (/\.(woff2?|ttf)$/.test(path)) return 'polices';
  return 'autres';
};

async function visit(browser: Browser, url: string, view: View, throttled: boolean) {
  const context = await browser.newContext({ viewport: view.until === 'list' ? { width: 390, height: 844 } : { width: 1280, height: 800 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.addInitScript({ content: RECORDER });
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  const bytes = new Map<Kind, number>();
  const sizes = new Map<string, number>();
  let total = 0;
  // Playwright reports the page's requests and its workers' (MapLibre fetches tiles from its worker).
  context.on('requestfinished', async (request) => {
    if (request.url().startsWith('data:') || request.url().startsWith('blob:')) return;
    const s = await request.sizes().catch(() => null);
    if (!s) return;
    const n = s.responseBodySize + s.responseHeadersSize;
    const k = kindOf(request.url());
    bytes.set(k, (bytes.get(k) ?? 0) + n);
    const path = new URL(request.url()).pathname;
    if (k === 'API') sizes.set(path + new URL(request.url()).search, n);
    total += n;
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const read = () => page.evaluate('({ settledAt: window.__settledAt, listAt: window.__listAt, settled: window.__wasSettled === true, long: window.__long })') as Promise<{ settledAt: number; listAt: number; settled: boolean; long: LongTasks }>;
  const deadline = Date.now() + 120_000;
  let result = await read();
  let bytesAtList = -1;
  let quietSince = 0;
  let lastTotal = -1;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    result = await read();
    if (view.until === 'list' && result.listAt >= 0) {
      bytesAtList = total;
      break;
    }
    if (view.until === 'map') {
      if (!result.settled || total !== lastTotal) quietSince = 0;
      else if (quietSince === 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 1500) break;
      lastTotal = total;
    }
  }
  // The page's own work on its main thread (MapLibre's worker apart), from the DevTools protocol.
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const cpu = { scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration'), layoutMs: metric('LayoutDuration') };
  await context.close();
  if (errors.length > 0) throw new Error(`Erreurs dans la page ${url} : ${errors.join(' ; ')}`);
  const ms = view.until === 'list' ? result.listAt : result.settledAt;
  if (ms < 0) throw new Error(`${url} : pas fini en 2 min`);
  return { ms, total: view.until === 'list' ? bytesAtList : total, bytes, sizes, long: result.long, cpu };
}

interface LongTasks { count: number; total: number; max: number }

const mb = (b: number) => `${(b / 1e6).toFixed(2)} Mo`;

async function tileSizes(log: (line: string) => void) {
  const db = await openDatabase(join(geodataDir(), 'maillage.duckdb'), { readOnly: true });
  try {
    const rows = await db.all<{ z: number; x: number; y: number; data: string }>('SELECT z, x, y, to_base64(data) AS data FROM tiles');
    const sized = rows.map((r) => {
      const stored = Buffer.from(r.data, 'base64');
      const zipped = stored[0] === 0x1f && stored[1] === 0x8b;
      return { z: r.z, x: r.x, y: r.y, raw: zipped ? gunzipSync(stored).length : stored.length, gzip: stored.length };
    });
    log('Tuiles construites (tailles par zoom ; cibles : aucune > 500 kB brute, médiane z0–9 < 50 kB gzip) :');
    for (const l of formatDistribution(tileDistribution(sized))) log(`  ${l}`);
    const sorted = sized.map((t) => t.gzip).sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1] ?? 0;
    const max = Math.max(...sized.map((t) => t.raw));
    log(`  plus grosse tuile ${(max / 1024).toFixed(0)} kB brute${max <= 500 * 1024 ? ' ✔' : ' ✘'}, médiane ${(median / 1024).toFixed(1)} kB gzip${median < 50 * 1024 ? ' ✔' : ' ✘'}`);
    return max <= 500 * 1024 && median < 50 * 1024;
  } finally {
    db.close();
  }
}

const bench: BenchModule = {
  name: 'web',
  async run(log) {
    if (!existsSync(join(REPO_ROOT, 'web/dist/index.html'))) throw new Error('Application web non construite : lancez « npm run build:web ».');
    let met = await tileSizes(log);
    const server = await runServer({ compiled: true, env: { MAILLAGE_READ_ONLY: '1' } });
    const browser = await launchChromium();
    try {
      for (const view of VIEWS) {
        await visit(browser, server.url + view.path, view, false); // warm-up: server caches
        for (const throttled of [true, false]) {
          const runs: Awaited<ReturnType<typeof visit>>[] = [];
          for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, server.url + view.path, view, throttled));
          const t = summarise(`${view.label}, ${throttled ? '10 Mbit/s, 40 ms' : 'sans limitation'}`, runs.map((r) => r.ms));
          log(formatTiming(t, throttled ? { maxMs: view.maxMsThrottled } : undefined));
          const median = (f: (r: (typeof runs)[number]) => number) => runs.map(f).sort((a, b) => a - b)[runs.length >> 1]!;
          log(`${'  fil principal de la page (médianes)'.padEnd(52)} tâches ${(median((r) => r.cpu.taskMs) / 1000).toFixed(2)} s dont script ${(median((r) => r.cpu.scriptMs) / 1000).toFixed(2)} s, mise en page ${(median((r) => r.cpu.layoutMs) / 1000).toFixed(2)} s ; tâches longues (> 50 ms) : ${median((r) => r.long.count)}, ${(median((r) => r.long.total) / 1000).toFixed(2)} s, la plus longue ${median((r) => r.long.max).toFixed(0)} ms`);
          if (throttled) {
            met &&= t.medianMs <= view.maxMsThrottled;
            const r = runs[0]!;
            const detail = [...r.bytes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${mb(v)}`).join(', ');
            const ok = r.total <= view.maxBytes;
            met &&= ok;
            log(`${`  octets reçus, ${view.label}`.padEnd(52)} ${mb(r.total)}${view.until === 'map' ? ` (${detail})` : ''}${ok ? '  ✔' : '  ✘'} cible ≤ ${mb(view.maxBytes)}`);
            if (view.maxApiBytes) {
              const api = r.bytes.get('API') ?? 0;
              met &&= api < view.maxApiBytes;
              log(`${`  données de l'API, ${view.label}`.padEnd(52)} ${(api / 1e3).toFixed(0)} kB (${r.sizes.size} réponses)${api < view.maxApiBytes ? '  ✔' : '  ✘'} cible < ${(view.maxApiBytes / 1e3).toFixed(0)} kB`);
            }
            const heaviest = [...r.sizes].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([u, n]) => `${u} ${(n / 1024).toFixed(0)} kB`).join(', ');
            if (heaviest) log(`    API la plus lourde : ${heaviest}`);
          }
        }
      }
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- journal du serveur ---\n${server.log().slice(-3000)}`);
    } finally {
      await browser.close();
      await server.stop();
    }
    return met;
  },
};

export default bench;
