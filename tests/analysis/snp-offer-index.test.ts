/** The finder's kd-tree of SNP offers answers exactly as the linear scan (its brute-force twin), ties and limits included. */
import { beforeAll, describe, expect, it } from 'vitest';
import { nearestSnpOffers, type SnpCandidate } from '../../server/src/analysis/nearest-snp-offers';
import { indexSnpOffers, nearestIndexedSnpOffers } from '../../server/src/analysis/snp-offer-index';
import { SNP_KINDS } from '../../server/src/analysis/snp-offers';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import { listStructures } from '../../server/src/db/structure-queries';
import type { CommuneTable } from '../../server/src/analysis/inputs';
import { fixtureApp } from '../helpers/fixture-app';

let table: CommuneTable;
let candidates: SnpCandidate[];
beforeAll(async () => {
  const app = await fixtureApp();
  table = await loadCommuneTable(app.db);
  candidates = await listStructures(app.db, { kinds: [...SNP_KINDS], demo: true });
  return () => app.close();
});

const AT = new Date('2026-11-23T21:00:00+01:00');

describe('nearestIndexedSnpOffers', () => {
  it('gives the linear scan’s answer from every 25th commune of the fixture, for several limits and distances', () => {
    const index = indexSnpOffers(candidates);
    expect(index.offers.length).toBeGreaterThan(20);
    let compared = 0;
    table.list.forEach((c, i) => {
      if (i % 25 !== 0) return;
      for (const [limit, maxRouteKm] of [[1, undefined], [10, undefined], [50, undefined], [10, 15]] as const) {
        const options = { at: AT, limit, maxRouteKm };
        expect(nearestIndexedSnpOffers(c, index, options)).toEqual(nearestSnpOffers(c, candidates, options));
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it('applies the « ouvertes maintenant / ce soir » filter inside the search, as the scan does', () => {
    const index = indexSnpOffers(candidates);
    let nonEmpty = 0;
    table.list.forEach((c, i) => {
      if (i % 50 !== 0) return;
      for (const open of ['maintenant', 'ce-soir'] as const) {
        const options = { at: AT, limit: 10, open };
        const got = nearestIndexedSnpOffers(c, index, options);
        expect(got).toEqual(nearestSnpOffers(c, candidates, options));
        if (got.length > 0) nonEmpty++;
      }
    });
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('breaks ties by id like the scan: two offers at the same place', () => {
    const base = candidates.find((c) => c.kind === 'SU')!;
    const twins = [{ ...base, id: '0-b' }, { ...base, id: '0-a' }, ...candidates];
    const index = indexSnpOffers(twins);
    const options = { at: AT, limit: 1 };
    expect(nearestIndexedSnpOffers(base, index, options).map((n) => n.offer.id)).toEqual(['0-a']);
    expect(nearestSnpOffers(base, twins, options).map((n) => n.offer.id)).toEqual(['0-a']);
  });

  it('answers nothing from an empty index or beyond the distance asked', () => {
    expect(nearestIndexedSnpOffers({ lon: 2, lat: 47 }, indexSnpOffers([]), { at: AT })).toEqual([]);
    expect(nearestIndexedSnpOffers({ lon: -30, lat: 47 }, indexSnpOffers(candidates), { at: AT, maxRouteKm: 5 })).toEqual([]);
  });
});
