/**
 * The exact dissolve on real France data, against brute-force twins: turf.union on small sets
 * (area, parts, holes), topojson-client `merge` on every EPCI, and the official Etalab contour of
 * départements.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { area, difference, featureCollection, length, polygonToLine, union } from '@turf/turf';
import { merge } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { dissolveCommunes, dissolveParts } from '../../server/src/geo/dissolve';
import { followsRightHandRule } from '../../server/src/geo/rewind';
import { seededRandom } from '../../scripts/bench/harness';
import { france, groupCodes, type France } from '../helpers/france';

let F: France;
beforeAll(async () => {
  F = await france();
});

const feat = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });
const shape = (g: Polygon | MultiPolygon) => {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return { parts: polygons.length, holes: polygons.reduce((s, p) => s + p.length - 1, 0) };
};
const dissolve = (codes: string[]) => dissolveCommunes(F.topo.topology, F.topo.index, codes);
const turfUnion = (codes: string[]) => {
  const fs = codes.map((c) => F.communeFeature(c));
  return fs.length === 1 ? fs[0]!.geometry : union(featureCollection(fs))!.geometry;
};

describe('dissolve vs turf.union on small real sets', () => {
  it('gives the same area, parts and holes for twelve seeded small EPCIs', () => {
    const random = seededRandom(42);
    const small = [...groupCodes(F.table, (c) => c.epci)].filter(([, codes]) => codes.length >= 2 && codes.length <= 25);
    for (let i = 0; i < 12; i++) {
      const [epci, codes] = small[Math.floor(random() * small.length)]!;
      const ours = dissolve(codes);
      const twin = turfUnion(codes);
      expect(Math.abs(area(feat(ours)) - area(feat(twin))) / area(feat(twin)), epci).toBeLessThan(1e-6);
      expect(shape(ours), epci).toEqual(shape(twin));
    }
  });

  it('keeps the hole of an enclave, like turf.union (CC Comtal Lot et Truyère, CC Pyrénées Cerdagne)', () => {
    for (const epci of ['200067478', '246600399']) {
      const codes = groupCodes(F.table, (c) => c.epci).get(epci)!;
      const ours = dissolve(codes);
      expect(shape(ours), epci).toEqual({ parts: 1, holes: 1 });
      expect(shape(turfUnion(codes)), epci).toEqual({ parts: 1, holes: 1 });
    }
  });

  it('does not merge communes of different geometry vintages that share no arc (CC Adour Madiran, 64/65)', () => {
    // Pyrénées-Atlantiques (Nouvelle-Aquitaine) comes from 2018 geometry, Hautes-Pyrénées from
    // 2023: their common border is drawn twice, with slivers. The topology shares no arc there,
    // so the two Béarn communes stay separate parts; turf.union welds them and keeps 29 slivers.
    const codes = groupCodes(F.table, (c) => c.epci).get('200072106')!;
    const ours = dissolve(codes);
    const twin = turfUnion(codes);
    expect(shape(ours)).toEqual({ parts: 3, holes: 1 });
    expect(shape(twin)).toEqual({ parts: 1, holes: 30 });
    const sliver = (twin as Polygon).coordinates.slice(1).map((ring) => area(feat({ type: 'Polygon', coordinates: [ring] })));
    expect(sliver.filter((a) => a > 60_000)).toHaveLength(0); // every sliver < 0.06 km²
    expect(Math.abs(area(feat(ours)) - area(feat(twin))) / area(feat(twin))).toBeLessThan(0.005);
  });

  it('keeps two communes that touch at a single point as two parts, as turf.union does', () => {
    const pair = ['01008', '01202'];
    expect(shape(dissolve(pair))).toEqual({ parts: 2, holes: 0 });
    expect(shape(turfUnion(pair)).parts).toBe(2);
  });

  it('keeps the islands of multipolygon communes (Île-de-Bréhat, Marseille) and an island commune apart from the mainland', () => {
    for (const codes of [['22016'], ['13055'], ['85113', '85163']]) {
      const ours = dissolve(codes);
      expect(shape(ours), codes.join()).toEqual(shape(turfUnion(codes)));
      expect(Math.abs(area(feat(ours)) - area(feat(turfUnion(codes)))) / area(feat(ours))).toBeLessThan(1e-6);
    }
    expect(shape(dissolve(['85113', '85163'])).parts).toBe(2);
  });
});

describe('dissolve vs topojson-client merge on every EPCI of France', () => {
  it('gives the same area and number of parts for all 1 259 groups', () => {
    const groups = groupCodes(F.table, (c) => c.epci ?? `hors-epci:${c.code}`);
    expect(groups.size).toBe(1259);
    let holesOurs = 0;
    for (const [key, codes] of groups) {
      const ours = dissolve(codes);
      const twin = merge(F.topo.topology as never, codes.map((c) => F.topo.index.get(c)) as never) as MultiPolygon;
      expect(Math.abs(area(feat(ours)) - area(feat(twin))) / area(feat(twin)), key).toBeLessThan(1e-9);
      expect(ours.coordinates.length, key).toBe(twin.coordinates.length);
      expect(followsRightHandRule(ours), key).toBe(true);
      holesOurs += shape(ours).holes;
    }
    // topojson merge leaves one hole of EPCI 200072106 as a ring touching itself (9 holes); we split it (10).
    expect(holesOurs).toBe(10);
  });
});

describe("dissolve of a département's communes vs its official Etalab contour", () => {
  // The official contour is generalised with a 1 000 m tolerance: every point of it lies within
  // 1 km of the detailed boundary, so the symmetric difference fits in a band of 1 km on each
  // side of the contour: area ≤ 2 × 1 km × its perimeter. The Grand Est / Nouvelle-Aquitaine
  // geometry (2018, further simplified) and the island départements are included on purpose.
  // Measured on all 101 départements: at most 17.5 % of that bound (Mayotte), relative area
  // differences ≤ 2.1 %.
  it.each(['44', '31', '974', '976', '29', '2A', '75', '51', '87'])('matches département %s within the generalisation band', async (dep) => {
    const [row] = await F.db.all<{ contour: string }>('SELECT contour FROM departements WHERE code = $dep', { dep });
    const official = feat(JSON.parse(row!.contour));
    const codes = groupCodes(F.table, (c) => c.departement).get(dep)!;
    const ours = feat(dissolve(codes));
    const a = area(ours);
    const b = area(official);
    const d1 = difference(featureCollection([ours, official]));
    const d2 = difference(featureCollection([official, ours]));
    const sym = (d1 ? area(d1) : 0) + (d2 ? area(d2) : 0);
    const perimeterKm = length(polygonToLine(official as Feature<Polygon>) as never, { units: 'kilometers' });
    const bound = 2 * 1 * perimeterKm * 1e6; // m²
    expect(Math.abs(a - b)).toBeLessThanOrEqual(sym);
    expect(sym / bound).toBeLessThan(0.25);
    expect(Math.abs(a - b) / b).toBeLessThan(0.025);
  });
});

describe('degenerate sets', () => {
  it('dissolves the empty set to an empty multipolygon, and ignores unknown and repeated codes', () => {
    expect(dissolve([])).toEqual({ type: 'MultiPolygon', coordinates: [] });
    expect(dissolve(['99999'])).toEqual({ type: 'MultiPolygon', coordinates: [] });
    expect(dissolve(['44109', '44109', '99999'])).toEqual(dissolve(['44109']));
  });

  it('returns one commune as its own polygon, with the area the build stored', () => {
    const nantes = dissolve(['44109']);
    expect(shape(nantes)).toEqual({ parts: 1, holes: 0 });
    expect(area(feat(nantes)) / 1e6).toBeCloseTo(F.table.byCode.get('44109')!.areaKm2!, 2);
  });

  it('counts parts without building coordinates', () => {
    expect(dissolveParts(F.topo.topology, F.topo.index, ['13055']).length).toBe(dissolve(['13055']).coordinates.length);
  });
});
