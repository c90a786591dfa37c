/**
 * Checks a first-time visitor's page must pass (issue 12): axe violations from « moderate » up,
 * controls smaller than a fingertip (44 × 44 px, WCAG 2.5.5), horizontal overflow, and a phone
 * page (390 × 844, touch) with optional geolocation.
 */
import { axeViolations } from './axe';
import { watchPage, type WatchedPage } from './browser';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

export type Watched = WatchedPage;

/** A page in its own context (touch and geolocation are per context), errors collected. */
export async function openContextPage(browser: Browser, options: BrowserContextOptions): Promise<Watched> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options });
  return watchPage(await context.newPage());
}

export const openPhonePage = (browser: Browser, options: BrowserContextOptions = {}) =>
  openContextPage(browser, { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2, ...options });

/** axe-core violations of impact moderate, serious or critical. */
export const moderateOrWorseViolations = (page: Page) => axeViolations(page, ['moderate', 'serious', 'critical']);

export interface Target { what: string; width: number; height: number }

/**
 * Visible controls under `root` smaller than `min` px in either dimension: links, buttons, fields,
 * disclosure summaries and labels of radio buttons (a radio inside its label is measured through
 * the label, the target a finger hits).
 */
export function smallTargets(page: Page, root = 'body', min = 44): Promise<Target[]> {
  return page.evaluate(({ root, min }) => {
    const out: { what: string; width: number; height: number }[] = [];
    const nodes = document.querySelector(root)!.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]');
    for (const el of nodes) {
      const target = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && el.closest('label') ? el.closest('label')! : el;
      if (!target.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Skip links are off screen until focused: they are measured when shown.
      if (target.closest('.fr-skiplinks') && r.bottom <= 0) continue;
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        out.push({ what: `${target.tagName.toLowerCase()}${target.className ? `.${String(target.className).split(' ')[0]}` : ''} « ${(target.textContent || target.getAttribute('aria-label') || target.getAttribute('title') || '').trim().slice(0, 40)} »`, width: Math.round(r.width), height: Math.round(r.height) });
      }
    }
    return out;
  }, { root, min });
}

/** How many px the page is wider than its viewport (0 when it fits). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
