/** 2SFCA against a direct double loop over every commune × offer pair, and its conservation law. */
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../server/src/analysis/distance';
import type { CommuneRef, StructureRecord } from '../../server/src/analysis/inputs';
import { decayWeight, DEFAULT_CAPACITIES, DEFAULT_DECAY_BANDS, twoStepFca, type DecayBand, type TwoStepOffer } from '../../server/src/analysis/two-step-fca';
import { accessibilityReport } from '../../server/src/analysis/accessibility-report';
import { curatedRecords } from '../helpers/curated-care';
import { france, type France } from '../helpers/france';

let F: France;
let offers: StructureRecord[];
beforeAll(async () => {
  F = await france();
  offers = curatedRecords(F.table).structures; // MSP, CDS, MMG, SU with real coordinates
});

function doubleLoop(communes: CommuneRef[], list: TwoStepOffer[], bands: DecayBand[], detour: number, capacities: Record<string, number>, per: number): Float64Array {
  const ratio = list.map((o) => {
    let demand = 0;
    for (const c of communes) demand += decayWeight(bands, haversineKm(o.lon, o.lat, c.lon, c.lat) * detour) * c.population;
    return demand > 0 ? ((capacities[o.kind] ?? 0) / demand) * per : 0;
  });
  return Float64Array.from(communes, (c) => list.reduce((s, o, j) => s + decayWeight(bands, haversineKm(o.lon, o.lat, c.lon, c.lat) * detour) * ratio[j]!, 0));
}

describe('2SFCA', () => {
  it('equals the direct double loop for every commune of France with the real offers', () => {
    const ours = twoStepFca(F.table.list, offers);
    const twin = doubleLoop(F.table.list, offers, DEFAULT_DECAY_BANDS, 1.3, DEFAULT_CAPACITIES, 100_000);
    let reached = 0;
    F.table.list.forEach((c, i) => {
      expect(ours.index[i], c.code).toBeCloseTo(twin[i]!, 9);
      if (twin[i]! > 0) reached++;
    });
    expect(reached).toBeGreaterThan(500);
  });

  it('shares out exactly the capacity of the offers: Σ population × index = 100 000 × Σ capacity', () => {
    const r = twoStepFca(F.table.list, offers);
    const served = offers.filter((_, j) => r.ratio[j]! > 0).length;
    const total = F.table.list.reduce((s, c, i) => s + c.population * r.index[i]!, 0);
    expect(total / 100_000).toBeCloseTo(served, 6);
  });

  it('follows custom bands, detour factor and capacities', () => {
    const communes = F.table.list.filter((c) => c.departement === '31');
    const bands = [{ maxKm: 5, weight: 1 }, { maxKm: 30, weight: 0.5 }];
    const capacities = { ...DEFAULT_CAPACITIES, SU: 3, CDS: 0 };
    const ours = twoStepFca(communes, offers, { bands, detourFactor: 1.2, capacities, per: 10_000 });
    const twin = doubleLoop(communes, offers, bands, 1.2, capacities, 10_000);
    communes.forEach((c, i) => expect(ours.index[i]).toBeCloseTo(twin[i]!, 9));
    expect(() => twoStepFca(communes, offers, { bands: [{ maxKm: 10, weight: 2 }] })).toThrow(/bandes de décroissance invalides/);
  });

  it('weights distances by the DREES APL bands: 1 up to 10 km, 2/3 to 15, 1/3 to 20, 0 beyond', () => {
    expect([0, 10, 10.01, 15, 19.99, 20, 20.01].map((km) => decayWeight(DEFAULT_DECAY_BANDS, km))).toEqual([1, 1, 2 / 3, 2 / 3, 1 / 3, 1 / 3, 0]);
  });

  it('reports the index of a territory as the population-weighted mean of its communes, and zero without offers', () => {
    const report = accessibilityReport({ kind: 'departement', code: '31' }, F.table, offers);
    const weighted = report.parCommune.reduce((s, c) => s + c.population * c.indice, 0) / report.population;
    expect(report.indice!).toBeCloseTo(weighted, 2);
    expect(report.parSousTerritoire.reduce((s, x) => s + x.population, 0)).toBe(report.population);
    expect(report.niveau).toBe('epci');
    const none = accessibilityReport({ kind: 'departement', code: '31' }, F.table, []);
    expect(none.indice).toBe(0);
    expect(none.communesSansAcces.population).toBe(none.population);
  });
});

describe('capacity by yearly visits', () => {
  it('gives the median SU one unit, others in proportion, and leaves the other kinds and unknown visits to their kind', async () => {
    const { visitCapacities } = await import('../../server/src/analysis/two-step-fca');
    const offers = [
      { kind: 'SU' as const, visitsPerYear: 10_000 }, { kind: 'SU' as const, visitsPerYear: 20_000 }, { kind: 'SU' as const, visitsPerYear: 80_000 },
      { kind: 'SU' as const, visitsPerYear: null }, { kind: 'MMG' as const, visitsPerYear: 5_000 },
    ];
    expect(visitCapacities(offers).map((o) => o.capacity)).toEqual([0.5, 1, 4, null, null]);
  });
});
