/**
 * Accessibility check of a page with axe-core (injected into the page, run there): the serious and
 * critical (or other) violations, each with its rule, help text and the first offending elements.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

/** axe-core violations of the given impacts (the map's WebGL canvas excluded: the page describes it). */
export async function axeViolations(page: Page, impacts: readonly Impact[]): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays enforced.
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
    // The WebGL canvas is an image of the map: its content is described by the page (legends, lists).
    return w.axe.run({ exclude: [['.maplibregl-canvas']] }, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => impacts.includes(v.impact as Impact))
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

export const seriousViolations = (page: Page) => axeViolations(page, ['serious', 'critical']);
