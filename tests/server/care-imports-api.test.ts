/**
 * POST /api/imports/:kind and GET /api/imports on a private copy of the fixture database: editor
 * token (401/403), size limit (413), raw body and multipart upload, idempotence, refused files
 * (422 with every line) that change nothing, and the imported rows visible through the API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finessBytes, withLine, XLSX_BYTES } from '../helpers/finess-fixture';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { REPO } from '../helpers/paths';

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const TOKEN = { authorization: 'Bearer jeton-de-test' };
const post = async (url: string, body: BodyInit, headers: Record<string, string> = TOKEN, app = f.app) => {
  const res = await app.request(url, { method: 'POST', body, headers });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
};

describe('who may import', () => {
  it('answers 401 in French without the editor token or with a wrong one', async () => {
    const none = await post('/api/imports/finess', new Uint8Array(finessBytes()), {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="maillage"');
    expect(none.body.error).toEqual({ code: 'non_authentifie', message: 'Jeton éditeur requis : en-tête « Authorization: Bearer <jeton> ».', issues: [] });
    expect((await post('/api/imports/finess', new Uint8Array(finessBytes()), { authorization: 'Bearer faux' })).body.error.message).toBe('Jeton éditeur refusé.');
  });

  it('answers 403 when no editor token is configured', async () => {
    const g = await importFixture({ editorToken: null });
    try {
      const res = await post('/api/imports/finess', new Uint8Array(finessBytes()), TOKEN, g.app);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('imports_desactives');
    } finally {
      g.close();
    }
  });

  it('answers 413 for a file over the size limit, and 400 for an unknown kind', async () => {
    const g = await importFixture({ importMaxBytes: 1024 });
    try {
      const res = await post('/api/imports/finess', new Uint8Array(finessBytes()), TOKEN, g.app);
      expect(res.status).toBe(413);
      expect(res.body.error).toEqual({ code: 'trop_volumineux', message: 'Fichier trop volumineux : 1 Ko au plus (MAILLAGE_IMPORT_MAX_MO).', issues: [] });
    } finally {
      g.close();
    }
    const unknown = await post('/api/imports/pharmacies', 'x');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/type d'import inconnu \(types : finess, cpts, cpts-perimetres, mmg, urgences, sae-urgences, deploiements, sas\)/);
  });
});

describe('importing through the API', () => {
  it('imports the FINESS extraction sent as the raw body (201), then sees it through /api/structures', async () => {
    const res = await post('/api/imports/finess?nom=etalab-cs1100507-stock-20260512-0339.csv', new Uint8Array(finessBytes()));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ statut: 'appliqué', lignes: { lues: 8, acceptees: 6, rejetees: 0 }, versionDonnees: '2' });
    expect(res.body.import).toMatchObject({ kind: 'finess', fileName: 'etalab-cs1100507-stock-20260512-0339.csv', importedBy: 'éditeur (API, jeton)' });
    const structures = (await (await f.app.request('/api/structures?departement=974&kind=AUTRE')).json()) as any;
    expect(structures.features[0].properties).toMatchObject({ nom: 'CHU SITE FELIX GUYON (SAINT DENIS)', importId: res.body.import.id, dateSource: '2026-05-12' });
  });

  it('answers 200 « déjà importé » for the same file, without change', async () => {
    const before = await f.checksums();
    const res = await post('/api/imports/finess', new Uint8Array(finessBytes()));
    expect(res.status).toBe(200);
    expect(res.body.statut).toBe('déjà importé');
    expect(await f.checksums()).toEqual(before);
  });

  it('imports a CPTS file sent as a multipart form, keeping its name', async () => {
    const form = new FormData();
    form.append('fichier', new File([readFileSync(join(REPO, 'docs/exemples/cpts.csv'))], 'cpts-pays-de-la-loire.csv', { type: 'text/csv' }));
    const res = await post('/api/imports/cpts', form);
    expect(res.status).toBe(201);
    expect(res.body.import.fileName).toBe('cpts-pays-de-la-loire.csv');
    expect(res.body.resume).toEqual({ CPTS: 4, 'communes de CPTS': 10 });
  });

  it('answers 422 with every rejected line, and changes nothing', async () => {
    const before = await f.checksums();
    const res = await post('/api/imports/finess', new Uint8Array(withLine(3, (l) => l.replace(';555;31;', ';999;31;'))));
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'import_rejete',
      message: '1 ligne(s) rejetée(s) sur 8 : rien n\'a été importé (tout ou rien). Corrigez le fichier, ou importez les lignes valides seules (--garder-valides, ou garder_valides=1).',
      issues: [{ path: 'ligne 3', message: 'commune 31999 inconnue du Code officiel géographique 2026 (ni code actuel, ni ancien code)' }],
    });
    const xlsx = await post('/api/imports/cpts', new Uint8Array(XLSX_BYTES));
    expect(xlsx.status).toBe(422);
    expect(xlsx.body.error.code).toBe('fichier_invalide');
    expect(xlsx.body.error.message).toMatch(/classeur Excel \(\.xlsx\)/);
    expect(await f.checksums()).toEqual(before);
  });

  it('imports the valid rows on request (garder_valides=1)', async () => {
    const res = await post('/api/imports/finess?garder_valides=1', new Uint8Array(withLine(3, (l) => l.replace(';555;31;', ';999;31;').replace('MSP DE LA REYNERIE', 'MSP DE LA REYNERIE BIS'))));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ statut: 'partiel', lignes: { lues: 8, acceptees: 5, rejetees: 1 }, rejets: [{ ligne: 3, ref: '310025945' }] });
  });

  it('lists the journal, newest first, with each report', async () => {
    const res = await f.app.request('/api/imports');
    const body = (await res.json()) as any;
    expect(body.imports.map((i: any) => [i.kind, i.status])).toEqual([['finess', 'partiel'], ['cpts', 'appliqué'], ['finess', 'appliqué']]);
    expect(body.imports[0].rapport.rejects).toEqual([{ line: 3, ref: '310025945', message: 'commune 31999 inconnue du Code officiel géographique 2026 (ni code actuel, ni ancien code)' }]);
  });
});
