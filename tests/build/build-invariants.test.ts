/**
 * A broken invariant in the inputs stops the build with a message naming it; a sound input
 * builds the same bytes twice. La Réunion (24 communes) keeps each build to about a second.
 */
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import { buildGeodata } from '../../scripts/build/build-geodata';
import { InvariantError } from '../../scripts/build/invariant-error';
import { arrondissementRows } from '../../scripts/build/arrondissements-table';
import { reducedCache, type ContourFC } from '../helpers/reduced-cache';

const REUNION = ['974'];
const out = () => mkdtempSync(join(tmpdir(), 'maillage-out-'));

async function buildWith(mutate: (fc: ContourFC) => void) {
  const cacheDir = reducedCache(inject('inputCache'), REUNION, mutate);
  const outDir = out();
  const error = await buildGeodata({ cacheDir, outDir, regions: ['04'], quiet: true }).then(() => null, (e: Error) => e);
  return { error, outDir };
}

const feature = (fc: ContourFC, code: string) => fc.features.find((f) => f.properties.code === code)!;
const firstRing = (f: ContourFC['features'][number]) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]);

describe('the build refuses broken inputs', () => {
  it('stops on a duplicate commune code', async () => {
    const { error, outDir } = await buildWith((fc) => fc.features.push(structuredClone(feature(fc, '97411'))));
    expect(error).toBeInstanceOf(InvariantError);
    expect(error!.message).toMatch(/codes de commune en double/);
    expect(error!.message).toMatch(/code 97411 en double/);
    expect(existsSync(join(outDir, 'maillage.duckdb'))).toBe(false);
  });

  it('stops on a commune of the COG left without geometry', async () => {
    const { error } = await buildWith((fc) => fc.features.splice(fc.features.indexOf(feature(fc, '97411')), 1));
    expect(error!.message).toMatch(/communes du COG sans géométrie/);
    expect(error!.message).toMatch(/97411 \(Saint-Denis, département 974\) sans géométrie et non documentée/);
  });

  it('stops on coordinates outside France', async () => {
    const { error } = await buildWith((fc) => {
      firstRing(feature(fc, '97415'))[3] = [2.35, 48.85]; // a vertex of Saint-Paul moved to Paris
    });
    expect(error!.message).toMatch(/géométries invalides/);
    expect(error!.message).toMatch(/97415 \(Saint-Paul\) : polygone 1, anneau 1 : coordonnée hors de France \(2.35, 48.85\)/);
  });

  it('stops on a ring that is not closed', async () => {
    const { error } = await buildWith((fc) => {
      const ring = firstRing(feature(fc, '97416'));
      ring[ring.length - 1] = [ring[0][0] + 0.001, ring[0][1]];
    });
    expect(error!.message).toMatch(/97416 \(Saint-Pierre\) : polygone 1, anneau 1 : anneau non fermé/);
  });

  it('stops when a département population is not the sum of its communes', async () => {
    const { error } = await buildWith((fc) => {
      feature(fc, '97411').properties.population = 1;
    });
    expect(error!.message).toMatch(/population des départements/);
    expect(error!.message).toMatch(/la population du département 974 selon les contours \(\d+\) n'est pas la somme de ses communes au COG \(889679\)/);
  });

  it('stops on a contour whose code the COG does not know', async () => {
    const { error } = await buildWith((fc) => {
      const ghost = structuredClone(feature(fc, '97411'));
      ghost.properties.code = '97499';
      fc.features.push(ghost);
    });
    expect(error!.message).toMatch(/contour 97499 : code absent du COG/);
  });
});

describe('the arrondissements municipaux', () => {
  it('stop the build when their populations do not add up to their city\'s (issue 22)', () => {
    const arrondissements = [
      { code: '13201', nom: 'Marseille 1er Arrondissement', commune: '13055', population: 37_599, codesPostaux: ['13001'] },
      { code: '13202', nom: 'Marseille 2e Arrondissement', commune: '13055', population: 24_378, codesPostaux: ['13002'] },
    ];
    expect(arrondissementRows(arrondissements, [{ code: '13055', population: 61_977 }])).toHaveLength(2);
    expect(() => arrondissementRows(arrondissements, [{ code: '13055', population: 886_040 }])).toThrow(InvariantError);
    expect(() => arrondissementRows(arrondissements, [{ code: '13055', population: 886_040 }]))
      .toThrow(/population des arrondissements municipaux[\s\S]*commune 13055 : 886040 habitants au COG, 61977 dans ses arrondissements municipaux/);
    // Outside the régions built, none is kept.
    expect(arrondissementRows(arrondissements, [{ code: '44109', population: 1 }])).toEqual([]);
  });
});

describe('a sound build', () => {
  it('gives byte-identical outputs from the same inputs', async () => {
    const cacheDir = reducedCache(inject('inputCache'), REUNION);
    const [a, b] = [out(), out()];
    await buildGeodata({ cacheDir, outDir: a, regions: ['04'], quiet: true });
    await buildGeodata({ cacheDir, outDir: b, regions: ['04'], quiet: true });
    const files = ['communes.topo.json', 'manifest.json', ...readdirSync(join(a, 'tables')).map((f) => `tables/${f}`)];
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('restricts to the chosen régions', async () => {
    const cacheDir = reducedCache(inject('inputCache'), REUNION);
    const summary = await buildGeodata({ cacheDir, outDir: out(), regions: ['04'], quiet: true });
    expect(summary).toMatchObject({ regions: ['04'], communes: 24, population: 889679, attached: [] });
  });
});
