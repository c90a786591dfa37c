/**
 * Issue 11, item 3: the problems of an import are held in bounded memory. Only the first N (by
 * line) are kept, with the count of all; the full list is the CSV of `?rapport=csv`, written as
 * found and sent as a stream. Here N is lowered to 40 (`keepIssues`) on a file of 3 000 bad lines
 * of two kinds, found by two different steps: a wrong number of columns (the reader) and an
 * unknown commune (the commune check, after reading). The memory bound itself is measured by
 * `npm run bench -- rejets` (3 million bad lines).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedStatus, outcomeBody } from '../../server/src/imports/import-response';
import { ApiError } from '../../server/src/lib/api-error';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';

const TOKEN = { authorization: 'Bearer jeton-de-test' };
const BAD = 3000;
const KEEP = 40;
/** Line n (2…3001): every 7th has a column too many, the others an unknown commune. */
const badColumns = (n: number) => n % 7 === 0;
const cpts = ['id_cpts;nom;statut;date_statut;commune_insee;source',
  ...Array.from({ length: BAD }, (_, i) => {
    const n = i + 2;
    return badColumns(n) ? `BORNE-${n};CPTS ${n};ACI signé;2024;31555;essai;en trop` : `BORNE-${n};CPTS ${n};ACI signé;2024;31999;essai`;
  })].join('\n');
const bytes = new TextEncoder().encode(cpts);
const reasonOf = (n: number) => (badColumns(n)
  ? '7 colonne(s) au lieu de 6 : valeur contenant le séparateur sans guillemets, ou ligne tronquée ?'
  : 'commune 31999 inconnue du Code officiel géographique 2026 (ni code actuel, ni ancien code)');

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

describe('an import with thousands of bad lines, keeping the first 40', () => {
  it('answers the first 40 in line order, whichever step found them, with the count of all', async () => {
    const before = await f.checksums();
    const outcome = await f.run('cpts', bytes, { fileName: 'cpts-bornes.csv', keepIssues: KEEP });
    expect(outcome.status).toBe('rejeté');
    expect(outcome.rowsRejected).toBe(BAD);
    expect(outcome.rejectCount).toBe(BAD);
    expect(outcome.rejects.map((r) => r.line)).toEqual(Array.from({ length: KEEP }, (_, i) => i + 2));
    expect(outcome.rejects.map((r) => r.message)).toEqual(Array.from({ length: KEEP }, (_, i) => reasonOf(i + 2)));
    const body = outcomeBody(outcome);
    expect(body.rejets).toHaveLength(KEEP);
    expect(body.listes).toEqual({ rejets: BAD, avertissements: 0, affichees: KEEP, rapportComplet: '?rapport=csv' });
    let refusal: unknown;
    try {
      acceptedStatus(outcome);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).issues).toHaveLength(KEEP);
    expect((refusal as ApiError).message).toContain(`(les ${KEEP} premiers problèmes sur ${BAD} ; rapport complet : renvoyez le même fichier avec ?rapport=csv`);
    expect(await f.checksums()).toEqual(before);
  });

  it('gives every bad line in the report, with its number and its French reason, importing nothing', async () => {
    const before = await f.checksums();
    const res = await f.app.request('/api/imports/cpts?nom=cpts-bornes.csv&rapport=csv', { method: 'POST', body: bytes, headers: TOKEN });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('ligne;gravite;ref;message');
    expect(rows).toHaveLength(BAD);
    const byLine = new Map(rows.map((row) => {
      const [line, gravity, ref, ...message] = row.split(';');
      return [Number(line), { gravity, ref, message: message.join(';') }];
    }));
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: BAD }, (_, i) => i + 2));
    for (const [n, r] of byLine) {
      expect(r.gravity).toBe('rejet');
      expect(r.message.replace(/^"|"$/g, '')).toBe(reasonOf(n));
    }
    expect(await f.checksums()).toEqual(before);
  });
});
