/**
 * Compression done once and revalidation: read answers are sent precompressed (brotli or gzip as
 * the client accepts) from bytes kept per data version, with an ETag that a client sends back
 * to get 304; an import (a new data version) gives new ETags. Answers that depend on who asks or
 * on the hour are never shared. The built web app is sent from its precompressed files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnswerCache } from '../../server/src/lib/answer-cache';
import { bumpDataVersion } from '../../server/src/db/care-write-queries';
import { mountWebApp } from '../../server/src/lib/serve-web';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { REPO_ROOT } from '../../scripts/lib/paths';

const answers = createAnswerCache();
let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp({ writable: true, config: {}, answers });
});
afterAll(() => f.close());

const URL_SNP = '/api/access/snp?territory=region:52&thresholdKm=20';

describe('read answers, compressed once and revalidated', () => {
  it('sends the same answer in brotli, gzip or plain, as the client accepts', async () => {
    const plain = await f.app.request(URL_SNP);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(JSON.parse(text).territoire.code).toBe('region:52');
    const br = await f.app.request(URL_SNP, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(text);
    expect(brBytes.length).toBeLessThan(text.length / 4);
    const gz = await f.app.request(URL_SNP, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(text);
    // One entry for the three requests: serialised and compressed once.
    expect([...answers.entries.keys()].filter((k) => k.includes('/api/access/snp'))).toHaveLength(1);
  });

  it('answers 304 to the ETag of the current data version, and 200 with a new ETag after an import', async () => {
    const first = await f.app.request(URL_SNP);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"d[\d.]+-/);
    const again = await f.app.request(URL_SNP, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another query string is another answer.
    expect((await f.app.request(`${URL_SNP}&suMmgKm=5`, { headers: { 'if-none-match': etag } })).status).toBe(200);
    await f.db.transaction((tx) => bumpDataVersion(tx));
    const after = await f.app.request(URL_SNP, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await after.json()).versionDonnees).not.toBe((await first.json()).versionDonnees);
  });

  it('keeps exports (CSV) with their file name, compressed', async () => {
    const res = await f.app.request(`${URL_SNP}&format=csv`, { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=.*\.csv/);
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toMatch(/^\uFEFF/);
  });

  it('never shares an answer that depends on who asks', async () => {
    const signed = await f.app.request(URL_SNP, { headers: { authorization: 'Bearer jeton-de-test' } });
    expect(signed.status).toBe(200);
    expect(signed.headers.get('etag')).toBeNull();
    expect((await f.app.request('/api/snp/nearest?commune=31149', { headers: { authorization: 'Bearer jeton-de-test' } })).headers.get('etag')).toBeNull();
  });

  it('keeps answers « now » (structures, SNP finder) for their minute only, and those at a given instant for good', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const tag = async (url: string) => (await f.app.request(url)).headers.get('etag');
      for (const url of ['/api/snp/nearest?commune=31149', '/api/structures?departement=31']) {
        vi.setSystemTime(new Date('2026-11-23T20:00:05Z'));
        const first = await tag(url);
        expect(first).toMatch(/^W\//);
        vi.setSystemTime(new Date('2026-11-23T20:00:55Z'));
        expect(await tag(url)).toBe(first);
        vi.setSystemTime(new Date('2026-11-23T20:01:01Z'));
        expect(await tag(url)).not.toBe(first);
      }
      vi.setSystemTime(new Date('2026-11-23T20:00:05Z'));
      const at = await f.app.request('/api/snp/nearest?commune=31149&at=2026-11-23T21:00:00%2B01:00');
      expect((await at.json()).instant).toBe('2026-11-23T20:00:00.000Z');
      vi.setSystemTime(new Date('2026-11-24T20:00:05Z'));
      const now = await f.app.request('/api/snp/nearest?commune=31149');
      expect((await now.json()).instant).toBe('2026-11-24T20:00:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the built web app', () => {
  const dist = join(REPO_ROOT, 'web/dist');
  const app = new Hono();
  mountWebApp(app, dist);
  const script = readdirSync(join(dist, 'assets')).find((n) => /^index-.*\.js$/.test(n))!;

  it('sends hashed assets precompressed by the build, cached for a year', async () => {
    const res = await app.request(`/assets/${script}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync(join(dist, 'assets', `${script}.br`)))).toBe(true);
    expect(brotliDecompressSync(bytes).equals(readFileSync(join(dist, 'assets', script)))).toBe(true);
    const gz = await app.request(`/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request(`/assets/${script}`);
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('sends the app shell of client routes compressed and revalidated', async () => {
    const res = await app.request('/snp?q=Colomiers', { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(readFileSync(join(dist, 'index.html'), 'utf8'));
  });
});
