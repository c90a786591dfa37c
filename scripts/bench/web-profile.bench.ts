/**
 * `npm run bench -- web` (with web.bench.ts and web-wire.bench.ts): where the page's main thread
 * spends a cold load, unthrottled, through the DevTools protocol's sampling Profiler (1 ms): self
 * time by script (our chunks, MapLibre, and « (program) » — the browser's own work: style, layout,
 * and in headless Chromium the WebGL of SwiftShader, a software renderer) and the heaviest
 * functions. A second visit is profiled, the first warms the server's caches. Prints, no target:
 * it tells whether a slow cold load is the network, our code, or the map's drawing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { runServer } from '../lib/run-server';
import { REPO_ROOT } from '../lib/paths';
import type { BenchModule } from './harness';

const VIEWS = [
  { label: 'région (/?territoire=region:76)', path: '/?territoire=region:76' },
  { label: 'France (/)', path: '/' },
];

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }

async function profile(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('[data-testid=carte][data-idle=true]', { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.maillage-loading'), undefined, { timeout: 60_000 });
  const settledMs = Date.now() - t0;
  const { profile: p } = await cdp.send('Profiler.stop');
  await context.close();
  const nodes = new Map((p.nodes as ProfileNode[]).map((n) => [n.id, n]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  (p.samples ?? []).forEach((id, i) => {
    const f = nodes.get(id)!.callFrame;
    const ms = (p.timeDeltas?.[i] ?? 0) / 1000;
    const script = f.url ? f.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.m?js$/, '') : f.functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    if (f.url) byFunction.set(`${f.functionName || '(anonyme)'} (${script})`, (byFunction.get(`${f.functionName || '(anonyme)'} (${script})`) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) => [...m].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
  return { settledMs, scripts: top(byScript, 8), functions: top(byFunction, 6) };
}

const bench: BenchModule = {
  name: 'web',
  async run(log) {
    if (!existsSync(join(REPO_ROOT, 'web/dist/index.html'))) throw new Error('Application web non construite : lancez « npm run build:web ».');
    const server = await runServer({ compiled: true, env: { MAILLAGE_READ_ONLY: '1' } });
    const browser = await launchChromium();
    try {
      log('Profil du fil principal (chargement à froid sans limitation, échantillons de 1 ms) :');
      for (const view of VIEWS) {
        await profile(browser, server.url + view.path);
        const r = await profile(browser, server.url + view.path);
        log(`  ${view.label} : au repos en ${(r.settledMs / 1000).toFixed(2)} s`);
        log(`    par script : ${r.scripts}`);
        log(`    fonctions les plus lourdes : ${r.functions}`);
      }
    } finally {
      await browser.close();
      await server.stop();
    }
    return true;
  },
};

export default bench;
