/**
 * Issue 22: a CPTS listing of a région imported as a new user would, on the région Provence-Alpes-Côte
 * d'Azur built by the production build (paca-build.ts). The listing (tests/fixtures/ars-listing/) has the
 * shape of the real one: no status at all, Marseille by arrondissement, Nice and Toulon listed by several
 * CPTS, Vauvenargues left out in the middle of covered communes. Through the API, with the editor token.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { pacaDir } from '../helpers/paca-build';
import { REPO } from '../helpers/paths';

export const LISTING = join(REPO, 'tests/fixtures/ars-listing/cpts-paca-2026-01.csv');
const listing = () => readFileSync(LISTING);

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture({}, await pacaDir());
});
afterAll(() => f.close());

const TOKEN = { authorization: 'Bearer jeton-de-test' };
const post = async (url: string, body: Buffer | string) => {
  const res = await f.app.request(url, { method: 'POST', body: typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body), headers: TOKEN });
  return { status: res.status, body: (await res.json()) as any };
};

describe('a listing whose status column is empty (item 2)', () => {
  it('is imported: an empty status is « non renseigné », said once per CPTS as a warning, never a reject', async () => {
    const res = await post('/api/imports/cpts?nom=cpts-paca-2026-01.csv', listing());
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
    expect(res.body.lignes).toEqual({ lues: 44, acceptees: 44, rejetees: 0 });
    const empty = res.body.avertissements.filter((w: any) => /statut/.test(w.message));
    expect(empty).toHaveLength(15);
    expect(empty[0]).toEqual({
      ligne: 2, ref: '13-MARSEILLE-CENTRE',
      message: 'statut vide : CPTS gardée avec le statut « non renseigné » (comptée parmi toutes les CPTS, pas dans les filtres « projet de santé » ni « ACI signé »)',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/inconnu/);
    const { body } = await f.get('/api/cpts?region=93');
    expect(body.total).toBe(15);
    expect(new Set(body.cpts.map((c: any) => c.statut))).toEqual(new Set(['non renseigné']));
  });

  it('counts those CPTS among all CPTS, not among those with a project or an ACI', async () => {
    const all = (await f.get('/api/coverage/cpts?territory=departement:06')).body;
    expect(all.cpts.map((c: any) => [c.id, c.statut])).toEqual([
      ['06-NICE-EST', 'non renseigné'], ['06-NICE-NORD', 'non renseigné'], ['06-NICE-OUEST', 'non renseigné'],
    ]);
    expect(all.statutsRetenus).toContain('non renseigné');
    const projet = (await f.get('/api/coverage/cpts?territory=departement:06&status=projet')).body;
    expect(projet.cpts).toEqual([]);
    expect(projet.population.couverte).toBe(0);
  });
});
