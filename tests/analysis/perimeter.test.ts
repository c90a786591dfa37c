/** Perimeters and contiguity of commune sets on real France data, including the degenerate ones. */
import { beforeAll, describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, point } from '@turf/turf';
import { perimeter, UnknownCommunesError } from '../../server/src/analysis/perimeter';
import { contiguity } from '../../server/src/analysis/contiguity';
import { dissolveCommunes } from '../../server/src/geo/dissolve';
import { france, groupCodes, type France } from '../helpers/france';

let F: France;
beforeAll(async () => {
  F = await france();
});

const pop = (codes: string[]) => codes.reduce((s, c) => s + F.table.byCode.get(c)!.population, 0);

describe('perimeter', () => {
  it('gives Nantes Métropole its population, an area equal to the sum of its communes and a label point inside', () => {
    const codes = groupCodes(F.table, (c) => c.epci).get('244400404')!;
    expect(codes).toHaveLength(24);
    const p = perimeter(F.topo, F.table, codes);
    expect(p.properties.population).toBe(pop(codes));
    const sum = codes.reduce((s, c) => s + F.table.byCode.get(c)!.areaKm2!, 0);
    expect(p.properties.area_km2).toBeCloseTo(sum, 1);
    expect(p.properties).toMatchObject({ communes: 24, parties: 1, trous: 0, geometries_approchees: [] });
    expect(booleanPointInPolygon(point(p.properties.label_point!), p)).toBe(true);
    const [minX, minY, maxX, maxY] = p.bbox!;
    expect(minX).toBeLessThan(-1.5);
    expect(maxX).toBeGreaterThan(-1.5);
    expect(minY).toBeLessThan(47.2);
    expect(maxY).toBeGreaterThan(47.2);
  });

  it('counts a commune without its own polygon and draws it with its container (L’Oie in Essarts-en-Bocage)', () => {
    const oie = perimeter(F.topo, F.table, ['85165']);
    const essarts = perimeter(F.topo, F.table, ['85084']);
    expect(oie.properties.population).toBe(F.table.byCode.get('85165')!.population);
    expect(oie.properties.population).toBeGreaterThan(0);
    expect(oie.properties.area_km2).toBe(essarts.properties.area_km2);
    expect(oie.properties.geometries_approchees).toEqual([{ code: '85165', contenue_dans: '85084' }]);
    const all = perimeter(F.topo, F.table, ['85084', '85165', '85212']);
    expect(all.properties.population).toBe(pop(['85084', '85165', '85212']));
    expect(all.properties.geometries_approchees).toEqual([]);
    expect(all.properties.area_km2).toBe(essarts.properties.area_km2);
  });

  it('counts the population of all seven communes without own polygon, through their parents', () => {
    const seven = F.table.list.filter((c) => c.containedIn).map((c) => c.code);
    expect(seven).toEqual(['15031', '15035', '15047', '15171', '60694', '85165', '85212']);
    const p = perimeter(F.topo, F.table, seven);
    expect(p.properties.population).toBe(pop(seven));
    expect(p.properties.parties).toBe(3); // Neussargues-Moissac, Beaumont-les-Nonains, Essarts-en-Bocage
    expect(p.properties.geometries_approchees.map((g) => g.contenue_dans).sort()).toEqual(['15141', '15141', '15141', '15141', '60054', '85084', '85084']);
  });

  it('gives a département the population of the départements table (Cantal, with four contained communes)', async () => {
    const codes = F.table.list.filter((c) => c.departement === '15').map((c) => c.code);
    const p = perimeter(F.topo, F.table, codes);
    const [row] = await F.db.all<{ population: number }>("SELECT population FROM departements WHERE code = '15'");
    expect(p.properties.population).toBe(row!.population);
    expect(codes.filter((c) => F.table.byCode.get(c)!.containedIn)).toHaveLength(4);
    expect(p.properties.geometries_approchees).toEqual([]);
  });

  it('returns an empty feature for the empty set and refuses unknown codes, listing them', () => {
    const empty = perimeter(F.topo, F.table, []);
    expect(empty.properties).toMatchObject({ communes: 0, population: 0, area_km2: 0, label_point: null, parties: 0 });
    expect(empty.bbox).toBeUndefined();
    expect(() => perimeter(F.topo, F.table, ['44109', '99999', '00000'])).toThrow(UnknownCommunesError);
    try {
      perimeter(F.topo, F.table, ['44109', '99999']);
    } catch (err) {
      expect((err as UnknownCommunesError).codes).toEqual(['99999']);
    }
  });

  it('measures an island commune and a multipolygon commune like turf', () => {
    for (const code of ['85113', '22016']) {
      const p = perimeter(F.topo, F.table, [code]);
      expect(p.properties.area_km2).toBeCloseTo(area(F.communeFeature(code)) / 1e6, 2);
      expect(p.properties.population).toBe(F.table.byCode.get(code)!.population);
    }
    expect(perimeter(F.topo, F.table, ['22016']).properties.parties).toBe(2);
  });
});

describe('contiguity', () => {
  it('finds one group for a connected EPCI and two for two EPCI far apart', () => {
    const epci = groupCodes(F.table, (c) => c.epci);
    const nantes = epci.get('244400404')!;
    expect(contiguity(F.topo, F.table, nantes).composantes).toHaveLength(1);
    const toulouse = epci.get('243100518')!;
    const k = contiguity(F.topo, F.table, [...nantes, ...toulouse]);
    expect(k.composantes).toHaveLength(2);
    expect(k.composantes[0]!.communes.sort()).toEqual([...toulouse].sort()); // more populated first
    expect(k.composantes[0]!.population + k.composantes[1]!.population).toBe(pop([...nantes, ...toulouse]));
  });

  it('separates an island commune from the mainland, but a multipolygon commune alone is one group of several parts', () => {
    expect(contiguity(F.topo, F.table, ['85113', '85163']).composantes).toHaveLength(2);
    const brehat = contiguity(F.topo, F.table, ['22016']);
    expect(brehat).toMatchObject({ parties: 2 });
    expect(brehat.composantes).toHaveLength(1);
  });

  it('finds the CPTS Erdre et Cens, as its source lists it, in two pieces: La Chapelle-sur-Erdre does not touch Orvault', () => {
    const k = contiguity(F.topo, F.table, ['44114', '44035', '44194']);
    expect(k.composantes.map((c) => c.communes)).toEqual([['44114', '44194'], ['44035']]);
  });

  it('counts, without stitching, as many parts as the dissolve gives, for every EPCI and département of France', () => {
    for (const key of [(c: France['table']['list'][number]) => c.epci ?? `hors-epci:${c.code}`, (c: France['table']['list'][number]) => c.departement]) {
      for (const [group, codes] of groupCodes(F.table, key)) {
        const parts = dissolveCommunes(F.topo.topology, F.topo.index, codes).coordinates.length;
        expect(contiguity(F.topo, F.table, codes).parties, group).toBe(parts);
      }
    }
  });

  it('joins a contained commune to its container, and gives one group for a CPTS of one commune', () => {
    expect(contiguity(F.topo, F.table, ['85084', '85165']).composantes).toHaveLength(1);
    expect(contiguity(F.topo, F.table, ['44109'])).toEqual({ composantes: [{ communes: ['44109'], population: F.table.byCode.get('44109')!.population }], parties: 1 });
    expect(contiguity(F.topo, F.table, [])).toEqual({ composantes: [], parties: 0 });
  });
});
