/**
 * Item 7 of issue 11, the smaller ones: every answer in French (zod defaults, a repeated
 * parameter, a malformed JSON body), MAILLAGE_IMPORT_MAX_MO checked at start, UTF-16 and CR-only
 * files named as such, /api/health that reads the database, and the OS user name of a CLI import
 * hidden from anonymous readers of GET /api/imports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readConfig } from '../../server/src/config';
import { runImport } from '../../server/src/imports/run-import';
import '../../server/src/lib/french-zod';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { REPO } from '../helpers/paths';
import { ENGLISH } from './english';

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const request = async (url: string, init?: RequestInit) => {
  const res = await f.app.request(url, init);
  return { status: res.status, body: (await res.json()) as any };
};

describe('answers in French', () => {
  it('words zod defaults in French (a number that is not one, a too long list, a missing field)', () => {
    const schema = z.object({ n: z.coerce.number(), list: z.array(z.string()).max(2), need: z.string() });
    const result = schema.safeParse({ n: 'abc', list: ['a', 'b', 'c'] });
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual(['nombre attendu', 'Trop grand : tableau doit avoir <=2 éléments', 'valeur requise']);
    for (const m of messages) expect(m).not.toMatch(ENGLISH);
  });

  it('names a parameter given twice', async () => {
    const res = await request('/api/access/snp?territory=france&territory=region:52');
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: 'territory', message: 'paramètre donné plusieurs fois : une seule valeur attendue' }]);
  });

  it('answers a malformed JSON body with a French 400 in the one error shape', async () => {
    const res = await request('/api/perimeter', { method: 'POST', body: '{"communes": [', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'json_invalide', message: expect.stringMatching(/^Corps de requête illisible : JSON mal formé/), issues: [] } });
  });
});

describe('MAILLAGE_IMPORT_MAX_MO', () => {
  it('refuses a value that is not a positive number instead of removing the limit', () => {
    for (const bad of ['abc', '0', '-5', 'Infinity', '20Mo']) {
      expect(() => readConfig({ MAILLAGE_IMPORT_MAX_MO: bad }), bad).toThrow(`MAILLAGE_IMPORT_MAX_MO invalide : « ${bad} »`);
    }
    expect(readConfig({ MAILLAGE_IMPORT_MAX_MO: '2,5' }).importMaxBytes).toBe(2.5 * 1024 * 1024);
    expect(readConfig({}).importMaxBytes).toBe(200 * 1024 * 1024);
  });
});

describe('files in an unexpected text encoding', () => {
  const mmg = readFileSync(join(REPO, 'docs/exemples/mmg.csv'), 'utf8');

  it('calls a UTF-16 file UTF-16 (with or without its byte-order mark), and changes nothing', async () => {
    const before = await f.checksums();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mmg, 'utf16le')]);
    const noBom = Buffer.from(mmg, 'utf16le');
    for (const bytes of [le, noBom]) {
      const outcome = await f.run('mmg', bytes);
      expect(outcome.status).toBe('rejeté');
      expect(outcome.fileError).toMatch(/^Ce fichier est encodé en UTF-16/);
    }
    expect(await f.checksums()).toEqual(before);
  });

  it('calls a file with CR-only line ends what it is', async () => {
    const outcome = await f.run('mmg', Buffer.from(mmg.replace(/\r?\n/g, '\r')));
    expect(outcome.status).toBe('rejeté');
    expect(outcome.fileError).toMatch(/retours chariot seuls \(CR/);
  });
});

describe('GET /api/health', () => {
  it('answers ok on a sound database, and 503 naming the damage when communes are lost or a table is gone', async () => {
    const g = await importFixture();
    try {
      expect((await g.app.request('/api/health')).status).toBe(200);
      await g.db.run("DELETE FROM communes WHERE departement = '44'");
      const lost = await g.app.request('/api/health');
      expect(lost.status).toBe(503);
      expect(((await lost.json()) as any).error).toMatchObject({ code: 'base_defaillante', message: expect.stringMatching(/commune\(s\) dans la base au lieu des \d+ de sa construction/) });
      await g.db.run('DROP TABLE sas_filieres');
      const gone = (await (await g.app.request('/api/health')).json()) as any;
      expect(gone.error.issues.map((i: any) => i.message)).toContainEqual(expect.stringMatching(/^table sas_filieres illisible/));
    } finally {
      g.close();
    }
  });
});

describe('GET /api/imports', () => {
  it('hides the OS account of a command-line import from anonymous readers, not from the editor', async () => {
    const bytes = readFileSync(join(REPO, 'docs/exemples/urgences.csv'));
    const outcome = await runImport(f.db, { kind: 'urgences', bytes, fileName: 'urgences.csv', keepValid: true, importedBy: 'ligne de commande (alice)', archiveDir: f.archiveDir });
    expect(outcome.status).not.toBe('rejeté');
    const anonymous = await request('/api/imports');
    expect(anonymous.body.imports[0].importedBy).toBe('ligne de commande');
    expect(JSON.stringify(anonymous.body)).not.toContain('alice');
    const editor = await request('/api/imports', { headers: { authorization: 'Bearer jeton-de-test' } });
    expect(editor.body.imports[0].importedBy).toBe('ligne de commande (alice)');
  });
});
