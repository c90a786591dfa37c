/**
 * Issue 12, item 2: structures placed at one point (FINESS gives the commune's point) are drawn as
 * distinct symbols — spread on screen around the point — while their geometry stays true.
 */
import { describe, expect, it } from 'vitest';
import type { StructureFeature } from '../../../web/src/features/structures/api/list-structures';
import { spreadOffsets, structuresGeoJson } from '../../../web/src/features/structures/structures-geojson';

const MONTREJEAU: [number, number] = [0.5686, 43.0856];
const structure = (id: string, categorie: string, coordinates: [number, number]) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: { id, categorie, nom: `Structure ${id}`, ouverture: { etat: 'inconnu' }, demonstration: false, passagesParAn: null } }) as unknown as StructureFeature;
const all = { kinds: null, only: null };
const distance = ([ax, ay]: [number, number], [bx, by]: [number, number]) => Math.hypot(ax - bx, ay - by);

describe('structures at one point drawn as distinct symbols', () => {
  it('spreads two centres de santé at one address apart by at least a symbol, their geometry unchanged', () => {
    const gj = structuresGeoJson([structure('310000002', 'CDS', MONTREJEAU), structure('310000001', 'CDS', MONTREJEAU), structure('310000003', 'MSP', [1.44, 43.6])], all);
    expect(gj.features.map((f) => f.geometry.coordinates)).toEqual([MONTREJEAU, MONTREJEAU, [1.44, 43.6]]);
    const [a, b, alone] = gj.features.map((f) => f.properties!.decalage as [number, number] | undefined);
    expect(alone).toBeUndefined();
    expect(distance(a!, b!)).toBeGreaterThanOrEqual(24);
    // Stable order: the smaller id on top.
    expect(b).toEqual([0, -14]);
    expect(a).toEqual([0, 14]);
  });

  it('keeps every pair of n symbols at one point a symbol apart (brute force over pairs), none on the point', () => {
    for (const n of [2, 3, 4, 5, 8, 13]) {
      const offsets = spreadOffsets(n, { symbolSize: 24 });
      expect(offsets).toHaveLength(n);
      for (let i = 0; i < n; i++) {
        expect(distance(offsets[i]!, [0, 0])).toBeGreaterThanOrEqual(13.9);
        for (let j = i + 1; j < n; j++) expect(distance(offsets[i]!, offsets[j]!), `${n} symboles, ${i}–${j}`).toBeGreaterThanOrEqual(23.9);
      }
    }
  });

  it('spreads only the structures shown: a filtered-out neighbour leaves the other on its point', () => {
    const gj = structuresGeoJson([structure('1', 'CDS', MONTREJEAU), structure('2', 'MSP', MONTREJEAU)], { kinds: ['CDS'], only: null });
    expect(gj.features).toHaveLength(1);
    expect(gj.features[0]!.properties!.decalage).toBeUndefined();
  });

  it('leaves a lone structure on its point and refuses a bad count', () => {
    expect(spreadOffsets(1)).toEqual([[0, 0]]);
    expect(() => spreadOffsets(0)).toThrow('nombre de symboles 0 invalide : entier ≥ 1 attendu');
  });
});
