/**
 * Debian's Chromium driven by playwright-core (scripts/lib/chromium.ts). Collects page errors,
 * console errors and Content-Security-Policy violations; keeps screenshots in test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../../scripts/lib/chromium';
import { PNG } from 'pngjs';
import { REPO } from '../../helpers/paths';

export const ARTIFACTS = join(REPO, 'test-results');

export const launchBrowser = (): Promise<Browser> => launchChromium();

export interface WatchedPage {
  page: Page;
  /** Page errors and console errors, except the favicon request. */
  errors: string[];
}

/** Collects the page errors, console errors (but the favicon) and CSP violations (of the page and its workers) of `page`. */
export async function watchPage(page: Page): Promise<WatchedPage> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(`console: ${m.text()}`);
  });
  // Every Content-Security-Policy violation fails the journey.
  await page.exposeFunction('__cspViolation', (text: string) => errors.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspViolation(t: string): Promise<void> }).__cspViolation(`${e.effectiveDirective} a bloqué ${e.blockedURI || '(en ligne)'}`);
    });
  });
  return { page, errors };
}

export async function openPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  return watchPage(await browser.newPage({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' }));
}

/**
 * Reads `read` again until the assertion that follows holds (15 s at most): for a text, a count
 * or an attribute that settles after what the test waited for (a table filled after its heading,
 * a legend still loading, aria-current set after the address changed).
 */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** Waits until the map has rendered everything it asked for (MapLibre `idle`). */
export async function waitForMapIdle(page: Page, timeout = 30_000) {
  await page.waitForSelector('[data-testid=carte][data-idle=true]', { timeout });
}

export async function screenshot(page: Page, name: string): Promise<PNG> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const bytes = await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  return PNG.sync.read(bytes);
}

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];

/** Pixels of `png` within `tolerance` of `color`, counted inside an optional box. */
export function countColor(png: PNG, color: string, { tolerance = 6, box }: { tolerance?: number; box?: { x: number; y: number; w: number; h: number } } = {}): number {
  const [r, g, b] = hex(color);
  const { x = 0, y = 0, w = png.width, h = png.height } = box ?? {};
  let n = 0;
  for (let j = y; j < y + h; j++) {
    for (let i = x; i < x + w; i++) {
      const k = (j * png.width + i) * 4;
      if (Math.abs(png.data[k]! - r) <= tolerance && Math.abs(png.data[k + 1]! - g) <= tolerance && Math.abs(png.data[k + 2]! - b) <= tolerance) n++;
    }
  }
  return n;
}

/** The bounding box of the map canvas in the page. */
export async function mapBox(page: Page) {
  const box = await page.locator('[data-testid=carte] canvas').boundingBox();
  if (!box) throw new Error('Carte introuvable dans la page');
  return { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.width), h: Math.round(box.height) };
}
