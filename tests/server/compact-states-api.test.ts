/**
 * Slim map data: /api/access/snp/etats carries each commune's band compactly (values once, one
 * base-36 index per commune) with the same figures and lists as /api/access/snp, which keeps its full detail;
 * the web's reader gives back exactly the server's values, « non renseigné » or any other included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactStates, expandStates } from '../../server/src/lib/compact-states';
import { forEachState } from '../../web/src/lib/compact-states';
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
    expect(expandStates(states.bandesParCommune)).toEqual(new Map(detail.parCommune.map((r: any) => [r.code, r.bande])));
    expect(states.bandes).toEqual(detail.bandes);
    expect(states.auDelaDuSeuil).toEqual(detail.auDelaDuSeuil);
    expect(states.suSansMmg).toEqual(detail.suSansMmg);
    expect(states.versionDonnees).toBe(detail.versionDonnees);
    expect(states.parCommune).toBeUndefined();
    expect(b.length).toBeLessThan(a.length / 3);
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
    expect(() => compactStates(Array.from({ length: 40 }, (_, i) => ({ code: String(i), value: `v${i}` })))).toThrow(/plus de 36 valeurs/);
  });
});
