/**
 * Slim map data: /api/access/snp/etats carries each commune's band compactly (values once, one
 * base-36 index per commune, at the commune's position in the tile set's commune index — no code
 * repeated) with the same figures and lists as /api/access/snp, which keeps its full detail;
 * the web's reader gives back exactly the server's values, « non renseigné » or any other included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactStates, expandIndexedStates, expandStates, indexedStates } from '../../server/src/lib/compact-states';
import { forEachIndexedState, forEachState } from '../../web/src/lib/compact-states';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp();
});
afterAll(() => f.close());

describe('GET /api/access/snp/etats', () => {
  it('gives every commune the band of the full answer, with the same figures and a fraction of its size', async () => {
    const full = await f.app.request('/api/access/snp?territory=region:76');
    const slim = await f.app.request('/api/access/snp/etats?territory=region:76');
    const [a, b] = [await full.text(), await slim.text()];
    const detail = JSON.parse(a);
    const states = JSON.parse(b);
    expect(detail.parCommune.length).toBe(4446);
    const index = await f.get(`/api/tiles/communes?v=${states.bandesParCommune.index}`);
    const codes: string[] = index.body.codes.split(',');
    expect(index.body.version).toBe(states.bandesParCommune.index);
    expect(expandIndexedStates(states.bandesParCommune, codes)).toEqual(new Map(detail.parCommune.map((r: any) => [r.code, r.bande])));
    const read = new Map<string, string | null>();
    forEachIndexedState(states.bandesParCommune, codes, (code, value) => read.set(code, value));
    expect(read).toEqual(new Map(detail.parCommune.map((r: any) => [r.code, r.bande])));
    // No commune code in the answer: Toulouse, Montpellier, Perpignan are positions, not text.
    for (const code of ['31555', '34172', '66136']) expect(b).not.toContain(code);
    expect(states.bandesParCommune.codes).toBeUndefined();
    expect(states.bandes).toEqual(detail.bandes);
    expect(states.auDelaDuSeuil).toEqual(detail.auDelaDuSeuil);
    expect(states.suSansMmg).toEqual(detail.suSansMmg);
    expect(states.versionDonnees).toBe(detail.versionDonnees);
    expect(states.parCommune).toBeUndefined();
    expect(b.length).toBeLessThan(a.length / 3);
  });

  it('GET /api/tiles/communes: every commune of the base once, in code order, cached for good under its version', async () => {
    const plain = await f.app.request('/api/tiles/communes');
    const body = (await plain.json()) as { version: string; codes: string };
    const codes = body.codes.split(',');
    const { body: departement } = await f.get('/api/communes?departement=31');
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    for (const feature of departement.features) expect(codes).toContain(feature.properties.code);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=3600');
    const versioned = await f.app.request(`/api/tiles/communes?v=${body.version}`);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const { body: config } = await f.get('/api/config');
    expect(body.version).toBe(config.tuiles);
  });

  it('refuses a bad territory in French, as /access/snp does', async () => {
    const { status, body } = await f.get('/api/access/snp/etats?territory=pays:FR');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/territoire/i);
  });
});

describe('the compact per-commune states', () => {
  it('carries any value, none included, and reads back the same in the web', () => {
    const rows = [
      { code: '01001', value: 'moins de 10 km' }, { code: '2A004', value: 'non renseigné' }, { code: '97411', value: null }, { code: '75056', value: 'moins de 10 km' },
    ];
    const s = compactStates(rows, ['plus de 30 km']);
    expect(s).toEqual({ valeurs: ['plus de 30 km', 'moins de 10 km', 'non renseigné'], codes: '01001,2A004,97411,75056', indices: '12.1' });
    const read = new Map<string, string | null>();
    forEachState(s, (code, value) => read.set(code, value));
    expect(read).toEqual(expandStates(s));
    expect(read).toEqual(new Map(rows.map((r) => [r.code, r.value])));
    const index = ['01001', '01002', '2A004', '75056', '97411'];
    const placed = indexedStates(index, 'v1', rows, ['plus de 30 km']);
    expect(placed).toEqual({ valeurs: ['plus de 30 km', 'moins de 10 km', 'non renseigné'], index: 'v1', debut: 0, indices: '1-21.' });
    expect(expandIndexedStates(placed, index)).toEqual(new Map(rows.map((r) => [r.code, r.value])));
    expect(indexedStates(index, 'v1', [{ code: '75056', value: 'a' }, { code: '2A004', value: null }])).toMatchObject({ debut: 2, indices: '.0' });
    expect(() => indexedStates(index, 'v1', [{ code: '99999', value: 'a' }])).toThrow(/99999 absente/);
    expect(() => compactStates(Array.from({ length: 40 }, (_, i) => ({ code: String(i), value: `v${i}` })))).toThrow(/plus de 36 valeurs/);
  });
});
