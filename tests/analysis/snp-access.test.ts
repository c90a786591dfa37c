/** Distance bands, threshold and SU without MMG on real offers; population is conserved. */
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../server/src/analysis/distance';
import type { CommuneRef, StructureRecord } from '../../server/src/analysis/inputs';
import { snpAccess, NO_OFFER_BAND } from '../../server/src/analysis/snp-access';
import { selectSnpOffers } from '../../server/src/analysis/snp-offers';
import { curatedRecords } from '../helpers/curated-care';
import { france, type France } from '../helpers/france';

let F: France;
let structures: StructureRecord[];
let offers: StructureRecord[];
const dep = (code: string): CommuneRef[] => F.table.list.filter((c) => c.departement === code);
beforeAll(async () => {
  F = await france();
  structures = curatedRecords(F.table).structures;
  offers = selectSnpOffers(structures).offers;
});

describe('SNP access', () => {
  it('puts every inhabitant of Haute-Garonne in exactly one distance band', () => {
    const communes = dep('31');
    const r = snpAccess(communes, offers, structures);
    const total = communes.reduce((s, c) => s + c.population, 0);
    expect(r.population).toBe(total);
    expect(r.bandes.map((b) => b.bande)).toEqual(['0–10 km', '10–20 km', '20–30 km', '> 30 km']);
    expect(r.bandes.reduce((s, b) => s + b.population, 0)).toBe(total);
    expect(r.bandes.reduce((s, b) => s + b.communes, 0)).toBe(communes.length);
    expect(r.methode.coefficientDetour).toBe(1.3);
    expect(r.methode.description).toMatch(/vol d'oiseau.*× 1,3/);
    // Toulouse has an SU and MMG: 0–10 km.
    expect(r.parCommune.find((c) => c.code === '31555')!.bande).toBe('0–10 km');
  });

  it('gives each commune the estimated road distance of its brute-force nearest offer, and lists those beyond the threshold', () => {
    const communes = dep('31');
    const r = snpAccess(communes, offers, structures, { thresholdKm: 25 });
    for (const c of r.parCommune) {
      const ref = F.table.byCode.get(c.code)!;
      const best = Math.min(...offers.map((o) => haversineKm(ref.lon, ref.lat, o.lon, o.lat)));
      expect(c.distanceVolOiseauKm).toBeCloseTo(best, 2);
      expect(c.distanceRouteKm).toBeCloseTo(best * 1.3, 2);
    }
    const beyond = r.parCommune.filter((c) => c.distanceRouteKm! > 25);
    expect(r.auDelaDuSeuil.communes).toBe(beyond.length);
    expect(r.auDelaDuSeuil.population).toBe(beyond.reduce((s, c) => s + c.population, 0));
    expect(r.auDelaDuSeuil.liste.map((c) => c.code)).toEqual(beyond.map((c) => c.code));
    expect(r.auDelaDuSeuil.communes).toBeGreaterThan(0);
  });

  it('lists the SU of Loire-Atlantique with no MMG within 10 km: Nantes sites are 17 km from Bouaye by road estimate', () => {
    const r = snpAccess(dep('44'), offers, structures);
    const names = r.suSansMmg.liste.map((s) => s.nom).sort();
    expect(names).toEqual(['CHU de Nantes', 'Centre hospitalier Erdre et Loire', 'Nouvelles Cliniques Nantaises']);
    const chu = r.suSansMmg.liste.find((s) => s.nom === 'CHU de Nantes')!;
    expect(chu.mmgLaPlusProche!.nom).toBe('Maison médicale de garde de Bouaye (CAPS)');
    expect(chu.mmgLaPlusProche!.distanceRouteKm).toBeGreaterThan(10);
    const wider = snpAccess(dep('44'), offers, structures, { suWithoutMmgKm: 25 });
    expect(wider.suSansMmg.liste.map((s) => s.nom)).toEqual(['Centre hospitalier Erdre et Loire']);
  });

  it('without any offer puts everybody beyond the threshold in the « aucune offre » band', () => {
    const communes = dep('974');
    const r = snpAccess(communes, [], []);
    const total = communes.reduce((s, c) => s + c.population, 0);
    expect(r.bandes).toEqual([
      { bande: '0–10 km', deKm: 0, aKm: 10, communes: 0, population: 0, part: 0 },
      { bande: '10–20 km', deKm: 10, aKm: 20, communes: 0, population: 0, part: 0 },
      { bande: '20–30 km', deKm: 20, aKm: 30, communes: 0, population: 0, part: 0 },
      { bande: '> 30 km', deKm: 30, aKm: null, communes: 0, population: 0, part: 0 },
      { bande: NO_OFFER_BAND, deKm: null, aKm: null, communes: 24, population: total, part: 1 },
    ]);
    expect(r.auDelaDuSeuil.population).toBe(total);
  });

  it('handles an empty territory, and refuses bands that do not increase', () => {
    const r = snpAccess([], offers, structures);
    expect(r.population).toBe(0);
    expect(r.bandes.every((b) => b.part === null)).toBe(true);
    expect(() => snpAccess([], offers, structures, { bandLimitsKm: [10, 5] })).toThrow(/bornes positives croissantes/);
    expect(() => snpAccess([], offers, structures, { detourFactor: 0.5 })).toThrow(/coefficient de détour/);
  });
});
