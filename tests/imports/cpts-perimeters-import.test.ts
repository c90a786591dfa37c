/**
 * CPTS perimeters drawn elsewhere (GeoJSON): communes covered at 50 % or more are assigned, the
 * partly covered ones reported with their share — shares checked against a brute-force twin
 * (seeded point sampling) — and a perimeter outside France or in Lambert 93 refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeShares } from '../../server/src/geo/commune-coverage';
import type { Polygonal } from '../../server/src/geo/validate-geometry';
import { seededRandom } from '../../scripts/bench/harness';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { REPO } from '../helpers/paths';

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const BOX = [55.6, -21.35, 55.75, -21.2] as const;
const rectangle: Polygon = { type: 'Polygon', coordinates: [[[BOX[0], BOX[1]], [BOX[2], BOX[1]], [BOX[2], BOX[3]], [BOX[0], BOX[3]], [BOX[0], BOX[1]]]] };
const drawn = (geometry: unknown, props: Record<string, unknown> = {}) => Buffer.from(JSON.stringify({
  type: 'FeatureCollection', source: 'dessin de test',
  features: [{ type: 'Feature', properties: { id_cpts: 'TEST-DESSIN', nom: 'CPTS dessinée (test)', statut: 'projet de santé', ...props }, geometry }],
}));

/** Share of a commune inside the rectangle, by sampling points uniformly in the commune (brute force). */
function sampledShare(commune: Polygonal, samples = 20_000): number {
  const random = seededRandom(42);
  const ring = (commune.type === 'Polygon' ? commune.coordinates : commune.coordinates.flat()).flat();
  const [minX, maxX] = [Math.min(...ring.map((p) => p[0]!)), Math.max(...ring.map((p) => p[0]!))];
  const [minY, maxY] = [Math.min(...ring.map((p) => p[1]!)), Math.max(...ring.map((p) => p[1]!))];
  let inside = 0;
  let inBox = 0;
  while (inside < samples) {
    const x = minX + random() * (maxX - minX);
    const y = minY + random() * (maxY - minY);
    if (!booleanPointInPolygon([x, y], commune)) continue;
    inside++;
    if (x >= BOX[0] && x <= BOX[2] && y >= BOX[1] && y <= BOX[3]) inBox++;
  }
  return inBox / inside;
}

describe('shares of communes covered by a drawn perimeter', () => {
  it('match a brute-force twin within 1.5 points', async () => {
    const communes = await f.db.all<{ code: string; geometry: string }>("SELECT code, geometry FROM communes WHERE departement = '974' AND geometry IS NOT NULL");
    const candidates = communes.map((c) => ({ code: c.code, geometry: JSON.parse(c.geometry) as Polygonal }));
    const shares = communeShares(rectangle, candidates);
    expect(shares.map((s) => s.code)).toEqual(['97405', '97412', '97417', '97419', '97422']);
    for (const s of shares) {
      expect(Math.abs(s.share - sampledShare(candidates.find((c) => c.code === s.code)!.geometry))).toBeLessThan(0.015);
    }
  });
});

describe('importing drawn perimeters', () => {
  it('assigns the three communes of the CPTS Grand Sud Réunion from its drawn perimeter (example file)', async () => {
    const o = await f.run('cpts-perimetres', readFileSync(join(REPO, 'docs/exemples/cpts-perimetres.geojson')));
    expect(o).toMatchObject({ status: 'appliqué', summary: { CPTS: 1, 'communes retenues': 3, 'dont en couverture partielle': 0 } });
    expect(await f.db.all("SELECT commune, coverage FROM cpts_communes WHERE cpts_id = 'REU-974-GRAND-SUD' ORDER BY commune"))
      .toEqual([{ commune: '97405', coverage: 'entière' }, { commune: '97412', coverage: 'entière' }, { commune: '97417', coverage: 'entière' }]);
  });

  it('keeps communes covered at 50 % or more, reports the others with their share', async () => {
    const o = await f.run('cpts-perimetres', drawn(rectangle));
    expect(await f.db.all("SELECT commune, coverage, note FROM cpts_communes WHERE cpts_id = 'TEST-DESSIN'"))
      .toEqual([{ commune: '97412', coverage: 'partielle', note: 'couverte à 73 % par le périmètre importé' }]);
    expect(o.warnings.map((w) => w.message)).toEqual([
      'entité n° 1 (TEST-DESSIN) : Petite-Île (97405) couverte à 2 % — non retenue (moins de 50 %)',
      'entité n° 1 (TEST-DESSIN) : Saint-Joseph (97412) couverte à 73 % — retenue, couverture partielle',
      'entité n° 1 (TEST-DESSIN) : Saint-Philippe (97417) couverte à 48 % — non retenue (moins de 50 %)',
      'entité n° 1 (TEST-DESSIN) : Sainte-Rose (97419) couverte à 26 % — non retenue (moins de 50 %)',
      'entité n° 1 (TEST-DESSIN) : Le Tampon (97422) couverte à 4 % — non retenue (moins de 50 %)',
    ]);
  });

  it('refuses a perimeter in Lambert 93, one at sea, and a CSV given as GeoJSON — nothing changes', async () => {
    const before = await f.checksums();
    const lambert = await f.run('cpts-perimetres', drawn({ type: 'Polygon', coordinates: [[[338000, 7650000], [340000, 7650000], [340000, 7652000], [338000, 7650000]]] }));
    expect(lambert.rejects[0]!.message).toBe('entité n° 1 : coordonnées hors de France (338000, 7650000) : le GeoJSON doit être en WGS84 (longitude, latitude), pas en Lambert 93');
    const sea = await f.run('cpts-perimetres', drawn({ type: 'Polygon', coordinates: [[[55.1, -21.45], [55.15, -21.45], [55.15, -21.4], [55.1, -21.45]]] }));
    expect(sea.rejects[0]!.message).toBe('entité n° 1 : aucune commune couverte à 50 % ou plus par le périmètre de TEST-DESSIN');
    const csv = await f.run('cpts-perimetres', Buffer.from('id_cpts;nom\nX;Y\n'));
    expect(csv.fileError).toMatch(/^Un fichier GeoJSON est attendu/);
    expect(await f.checksums()).toEqual(before);
  });
});
