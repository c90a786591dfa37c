/**
 * Accessibility check of a page with axe-core (injected into the page, run there): the serious and
 * critical violations, each with its rule, help text and the first offending elements.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays enforced.
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
    // The WebGL canvas is an image of the map: its content is described by the page (legends, lists).
    return w.axe.run({ exclude: [['.maplibregl-canvas']] }, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
