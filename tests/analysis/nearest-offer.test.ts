/** Nearest offer for every commune of France against haversine over all pairs, and geokdbush. */
import { beforeAll, describe, expect, it } from 'vitest';
import { around } from 'geokdbush';
import { haversineKm } from '../../server/src/analysis/distance';
import { indexOffers, nearestOffers, type Located } from '../../server/src/analysis/nearest-offer';
import type { StructureRecord } from '../../server/src/analysis/inputs';
import { seededRandom } from '../../scripts/bench/harness';
import { curatedRecords } from '../helpers/curated-care';
import { france, type France } from '../helpers/france';

let F: France;
let offers: StructureRecord[];
beforeAll(async () => {
  F = await france();
  offers = curatedRecords(F.table).structures;
});

function bruteForce(points: Located[], from: Located): { offer: number; km: number } {
  let best = { offer: -1, km: Infinity };
  points.forEach((p, i) => {
    const km = haversineKm(from.lon, from.lat, p.lon, p.lat);
    if (km < best.km) best = { offer: i, km };
  });
  return best;
}

describe('nearest offer', () => {
  it('finds, for all 34 875 communes of France, the nearest of the real curated offers at the brute-force distance', () => {
    expect(offers.length).toBeGreaterThan(140);
    const result = nearestOffers(indexOffers(offers), F.table.list);
    expect(result).toHaveLength(34_875);
    F.table.list.forEach((c, i) => {
      const twin = bruteForce(offers, c);
      expect(result[i]!.km).toBeCloseTo(twin.km, 9);
      if (result[i]!.offer !== twin.offer) {
        // a tie: two offers at the same distance (several structures at one address)
        expect(haversineKm(c.lon, c.lat, offers[result[i]!.offer]!.lon, offers[result[i]!.offer]!.lat)).toBeCloseTo(twin.km, 9);
      }
    });
    // Réunion communes are served in Réunion, Toulouse by a structure in Toulouse.
    const stDenis = result[F.table.list.findIndex((c) => c.code === '97411')]!;
    expect(offers[stDenis.offer]!.departement).toBe('974');
    expect(offers[result[F.table.list.findIndex((c) => c.code === '31555')]!.offer]!.commune).toBe('31555');
  });

  it('agrees with geokdbush and brute force on 3 000 seeded synthetic offers, for a seeded sample of communes', () => {
    const random = seededRandom(7);
    const synthetic = Array.from({ length: 3000 }, () => {
      const c = F.table.list[Math.floor(random() * F.table.list.length)]!;
      return { lon: c.lon + (random() - 0.5) * 0.05, lat: c.lat + (random() - 0.5) * 0.05 };
    });
    const index = indexOffers(synthetic);
    const sample = Array.from({ length: 2000 }, () => F.table.list[Math.floor(random() * F.table.list.length)]!);
    const ours = nearestOffers(index, sample);
    sample.forEach((c, i) => {
      expect(ours[i]!.km).toBeCloseTo(bruteForce(synthetic, c).km, 9);
      const [g] = around(index.tree!, c.lon, c.lat, 1);
      expect(ours[i]!.km).toBeCloseTo(haversineKm(c.lon, c.lat, synthetic[g!]!.lon, synthetic[g!]!.lat), 9);
    });
  });

  it('answers null without offers, 0 km on an offer, and refuses invalid coordinates', () => {
    expect(nearestOffers(indexOffers([]), [{ lon: 2, lat: 47 }])).toEqual([null]);
    expect(nearestOffers(indexOffers([{ lon: 2, lat: 47 }]), [{ lon: 2, lat: 47 }])).toEqual([{ offer: 0, km: 0 }]);
    expect(nearestOffers(indexOffers([{ lon: 2, lat: 47 }]), [])).toEqual([]);
    expect(() => indexOffers([{ lon: Number.NaN, lat: 47 }])).toThrow(/offre n° 0 : coordonnées invalides/);
  });
});
