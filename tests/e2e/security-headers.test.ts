/**
 * Items 6 and 7 of issue 11 on the production server (fixture database): security headers on the
 * page, its assets and the API; a CSP the app satisfies (no violation while the map loads, while
 * a blocked inline script is reported — so the check can fail); unknown paths answer 404 with the
 * app's « page introuvable »; headers too large get a French 431 with a body.
 */
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REPO } from '../helpers/paths';
import { useProductionApp } from './helpers/production-app';
import { eventually, openPage, waitForMapIdle } from './helpers/browser';

const app = useProductionApp(() => inject('fixtureDir'));

describe('security headers', () => {
  it('are sent on the page, an asset and the API', async () => {
    const asset = readdirSync(join(REPO, 'web/dist/assets')).find((n) => n.endsWith('.js'))!;
    for (const path of ['/', `/assets/${asset}`, '/api/health', '/cpts/inconnue']) {
      const res = await fetch(`${app.server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain('worker-src \'self\' blob:');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('data.geopf.fr'); // MAILLAGE_BASEMAP=offline
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy'), path).toMatch(/geolocation=\(self\)/);
    }
  });

  it('lets the app load its map without a CSP violation, and reports one when a page breaks it', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await waitForMapIdle(page);
    expect(errors).toEqual([]);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injecte = 1';
      document.body.append(s);
    });
    await eventually(() => errors.some((e) => e.startsWith('csp: script-src-elem a bloqué'))).toBe(true);
    await page.close();
  }, 60_000);
});

describe('paths outside the app', () => {
  it('answer 404 with the app page that says so; the app routes answer 200', async () => {
    for (const path of ['/', '/cpts', '/cpts/44-CPTS-X', '/snp']) expect((await fetch(`${app.server.url}${path}`)).status, path).toBe(200);
    for (const path of ['/wp-admin', '/cpts/a/b', '/.env', '/snp/x']) {
      const res = await fetch(`${app.server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
    const { page } = await openPage(app.browser);
    await page.goto(`${app.server.url}/wp-admin`);
    await page.getByText('Page introuvable').first().waitFor();
    await page.close();
  }, 60_000);

  it('answers headers too large with a French 431 in the error shape', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${app.server.url}/api/health`, { headers: { cookie: 'x'.repeat(40_000) } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(431);
    expect(JSON.parse(body)).toEqual({ error: { code: 'en_tetes_trop_grands', message: expect.stringMatching(/^En-têtes de requête trop volumineux/), issues: [] } });
  });
});
