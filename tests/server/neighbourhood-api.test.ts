/**
 * POST /api/neighbourhood on the fixture's embedded default: the communes along a perimeter
 * (checked against contiguity of each pair, another code path) and the CPTS of each commune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contiguity } from '../../server/src/analysis/contiguity';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import type { CommuneTable } from '../../server/src/analysis/inputs';
import { borderingPolygons } from '../../server/src/geo/bordering';
import { topologyFromFile } from '../../server/src/geo/topology-store';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { join } from 'node:path';

let f: FixtureApp;
let table: CommuneTable;
beforeAll(async () => {
  f = await fixtureApp();
  table = await loadCommuneTable(f.db);
});
afterAll(() => f.close());

const post = async (body: unknown) => {
  const res = await f.app.request('/api/neighbourhood', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

const ERDRE_ET_CENS = ['44114', '44035', '44194']; // Orvault, La Chapelle-sur-Erdre, Sautron

describe('bordering polygons', () => {
  it('are exactly the communes that form one piece with a member of the set (pairwise contiguity)', () => {
    const topo = topologyFromFile(join(f.dir, 'communes.topo.json')).get();
    for (const set of [['44114'], ERDRE_ET_CENS, ['97416'], ['31555']]) {
      const ours = borderingPolygons(topo, set);
      const departements = new Set(set.map((c) => table.byCode.get(c)!.departement));
      const candidates = table.list.filter((x) => !set.includes(x.code) && !x.containedIn && topo.index.has(x.code) && (departements.has(x.departement) || ours.includes(x.code)));
      const touches = (a: string, b: string) => contiguity(topo, table, [a, b]).composantes.length === 1;
      const brute = candidates.filter((x) => set.some((m) => touches(m, x.code))).map((x) => x.code).sort();
      expect(ours).toEqual(brute);
    }
  });

  it('ignores codes that have no polygon and gives nothing for an empty set', () => {
    const topo = topologyFromFile(join(f.dir, 'communes.topo.json')).get();
    expect(borderingPolygons(topo, [])).toEqual([]);
    expect(borderingPolygons(topo, ['99999'])).toEqual([]);
  });
});

describe('POST /api/neighbourhood', () => {
  it('lists the communes of CPTS Erdre et Cens and those along its border, with the CPTS of each', async () => {
    const { status, body } = await post({ communes: ERDRE_ET_CENS });
    expect(status).toBe(200);
    expect(body.membres.map((m: any) => m.nom)).toEqual(['La Chapelle-sur-Erdre', 'Orvault', 'Sautron']);
    for (const m of body.membres) expect(m.cpts.map((p: any) => p.nom)).toEqual(['CPTS Erdre et Cens']);
    const nantes = body.voisines.find((v: any) => v.code === '44109');
    expect(nantes).toMatchObject({ nom: 'Nantes', departement: '44' });
    expect(nantes.cpts.map((p: any) => p.nom)).toContain('CPTS Nantes Grand Ouest');
    // Every other neighbour is a zone blanche in the embedded default.
    const holes = body.voisines.filter((v: any) => v.cpts.length === 0);
    expect(holes.length).toBeGreaterThan(3);
    expect(body.voisines.every((v: any) => !ERDRE_ET_CENS.includes(v.code))).toBe(true);
  });

  it('answers an empty perimeter with nothing, and refuses unknown or malformed codes in French', async () => {
    expect((await post({ communes: [] })).body).toEqual({ membres: [], voisines: [] });
    const unknown = await post({ communes: ['44114', '99999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Communes inconnues : 99999.');
    expect((await post({ communes: ['abc'] })).status).toBe(400);
  });
});
