/**
 * Item 3 of issue 11, on the import side: the answer to a file with many bad lines lists the
 * first 100 (the full list is a CSV download that imports nothing), and a perimeter with far
 * too many vertices is refused at once with a French message instead of computing for minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_VERTICES_PER_PERIMETER } from '../../server/src/ingest/read-cpts-geojson';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';

const TOKEN = { authorization: 'Bearer jeton-de-test' };
let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const BAD_LINES = 250;
const cpts = ['id_cpts;nom;statut;date_statut;commune_insee;source',
  ...Array.from({ length: BAD_LINES }, (_, i) => `TEST-${i};CPTS ${i};ACI signé;2024;31999;essai`)].join('\n');

describe('a file with many rejected lines', () => {
  it('answers the first 100 problems and says how to get them all', async () => {
    const before = await f.checksums();
    const res = await f.app.request('/api/imports/cpts?nom=cpts.csv', { method: 'POST', body: cpts, headers: TOKEN });
    expect(res.status).toBe(422);
    const body = (await res.json()) as any;
    expect(body.error.issues).toHaveLength(100);
    expect(body.error.issues[0]).toEqual({ path: 'ligne 2', message: expect.stringMatching(/31999/) });
    expect(body.error.message).toMatch(new RegExp(`\\(les 100 premiers problèmes sur ${BAD_LINES} ; rapport complet : renvoyez le même fichier avec \\?rapport=csv`));
    expect(await f.checksums()).toEqual(before);
  });

  it('downloads every problem as CSV with ?rapport=csv, importing nothing', async () => {
    const before = await f.checksums();
    const res = await f.app.request('/api/imports/cpts?nom=cpts.csv&rapport=csv', { method: 'POST', body: cpts, headers: TOKEN });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?rapport-import-cpts-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('ligne;gravite;ref;message');
    expect(lines.filter((l) => l.includes(';rejet;'))).toHaveLength(BAD_LINES);
    expect(await f.checksums()).toEqual(before);
  });

  it('keeps a JSON answer of an applied-in-part import short too', async () => {
    const res = await f.app.request('/api/imports/cpts?nom=cpts-partiel.csv&garder_valides=1', {
      method: 'POST', headers: TOKEN, body: `${cpts}\nTEST-OK;CPTS valide;ACI signé;2024;44109;essai\n`,
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body.rejets).toHaveLength(100);
    expect(body.listes).toMatchObject({ rejets: BAD_LINES, affichees: 100, rapportComplet: '?rapport=csv' });
  });
});

describe('a perimeter with too many vertices', () => {
  it(`is refused at once above ${MAX_VERTICES_PER_PERIMETER} vertices, with a French message`, async () => {
    const n = 250_000;
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / (n - 1);
      return [Number((-1.55 + 0.05 * Math.cos(a)).toFixed(7)), Number((47.22 + 0.03 * Math.sin(a)).toFixed(7))];
    });
    ring[n - 1] = ring[0]!;
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id_cpts: 'TEST-LOURD', nom: 'CPTS lourde', statut: 'ACI signé', source: 'essai' }, geometry: { type: 'Polygon', coordinates: [ring] } }] });
    const outcome = await f.run('cpts-perimetres', new TextEncoder().encode(geojson));
    expect(outcome.status).toBe('rejeté');
    expect(outcome.rejects[0]!.message).toMatch(/^entité n° 1 : 250\s000 sommets : 200\s000 au plus par périmètre\. Simplifiez le contour/);
  });
});
