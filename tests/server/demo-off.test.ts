/**
 * MAILLAGE_DEMO=0 hides every demonstration row in every answer of the read API, including the
 * official indicators, completeness and emergency sites added this round; with the setting on, the
 * same answers do carry demonstration rows (so this check can fail).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';

const PATHS = [
  '/api/structures?departement=31',
  '/api/cpts?departement=31',
  '/api/cpts?region=76',
  '/api/protocols',
  '/api/sas?region=76',
  '/api/coverage/cpts?territory=departement:31',
  '/api/coverage/cpts?territory=departement:31&format=geojson',
  '/api/coverage/sas?territory=region:76',
  '/api/access/snp?territory=departement:31',
  '/api/access/2sfca?territory=departement:31',
  '/api/indicators?territory=departement:31',
  '/api/indicateurs-officiels?territory=departement:31',
  '/api/snp/nearest?commune=31149',
];

/** Every object in a JSON value flagged as demonstration (`demo`, `demonstration`, `donneesDemonstration`, source « démonstration »). */
function demoRows(value: unknown, path = '$', found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => demoRows(v, `${path}[${i}]`, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (['demo', 'demonstration', 'démonstration'].includes(k) && v === true) found.push(`${path}.${k}`);
      else if (k === 'source' && typeof v === 'string' && /^démonstration/i.test(v)) found.push(`${path}.source`);
      else demoRows(v, `${path}.${k}`, found);
    }
  }
  return found;
}

let on: FixtureApp;
let off: FixtureApp;
beforeAll(async () => {
  on = await fixtureApp();
  off = await fixtureApp({ config: { demo: false } });
});
afterAll(() => {
  on.close();
  off.close();
});

describe('MAILLAGE_DEMO=0', () => {
  it('answers no demonstration row anywhere, where the setting on shows some', async () => {
    const shownWithDemo: string[] = [];
    for (const path of PATHS) {
      const hidden = await off.get(path);
      expect(hidden.status, path).toBe(200);
      expect(demoRows(hidden.body), path).toEqual([]);
      const shown = await on.get(path);
      expect(shown.status, path).toBe(200);
      if (demoRows(shown.body).length > 0) shownWithDemo.push(path);
    }
    // The demonstration scenario of Haute-Garonne: draft CPTS, in the lists, the coverage and its map layers.
    expect(shownWithDemo).toEqual(expect.arrayContaining(['/api/cpts?departement=31', '/api/cpts?region=76', '/api/coverage/cpts?territory=departement:31', '/api/coverage/cpts?territory=departement:31&format=geojson']));
  });

  it('answers no demonstration protocol deployment, where the setting on lists some', async () => {
    const protocols = (await on.get('/api/protocols')).body;
    const list: { id: string }[] = protocols.protocoles ?? protocols.protocols ?? protocols;
    let shown = 0;
    for (const p of list) {
      const path = `/api/protocols/${encodeURIComponent(p.id)}/deployments`;
      expect(demoRows((await off.get(path)).body), path).toEqual([]);
      shown += demoRows((await on.get(path)).body).length;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('exports no demonstration line in CSV', async () => {
    for (const path of ['/api/coverage/cpts?territory=departement:31&format=csv', '/api/indicators?territory=departement:31&format=csv']) {
      const res = await off.app.request(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(';');
      const col = header.findIndex((h) => /^demonstration|^donnees_demonstration/.test(h));
      if (col >= 0) for (const line of text.split(/\r?\n/).slice(1).filter(Boolean)) expect(line.split(';')[col], `${path}: ${line}`).not.toMatch(/^(oui|true|1)$/i);
      expect(text, path).not.toMatch(/;démonstration/);
    }
  });
});
