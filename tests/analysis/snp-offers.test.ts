/** Which structures are SNP offers, and which are open at an instant, in their own time zone. */
import { beforeAll, describe, expect, it } from 'vitest';
import { isSnpOffer, selectSnpOffers } from '../../server/src/analysis/snp-offers';
import type { StructureRecord } from '../../server/src/analysis/inputs';
import { curatedRecords } from '../helpers/curated-care';
import { france } from '../helpers/france';

let structures: StructureRecord[];
beforeAll(async () => {
  structures = curatedRecords((await france()).table).structures;
});

const ids = (list: StructureRecord[]) => list.map((s) => s.id).sort();
const byName = (name: string) => structures.find((s) => s.name === name)!;

describe('SNP offers', () => {
  it('counts every MMG and SU, and MSP or CDS only when they say they accept SNP', () => {
    const msp = structures.find((s) => s.kind === 'MSP')!;
    expect(isSnpOffer(msp)).toBe(false);
    expect(isSnpOffer({ ...msp, acceptsSnp: 'oui' })).toBe(true);
    const all = selectSnpOffers(structures);
    expect(all.offers.every((o) => o.kind === 'MMG' || o.kind === 'SU')).toBe(true);
    expect(all.offers.filter((o) => o.kind === 'MMG')).toHaveLength(17);
    expect(all.offers.filter((o) => o.kind === 'SU')).toHaveLength(13);
  });

  it('on a Monday at 21:00 in Paris keeps the open MMG, the SU open at night, and sets aside unknown hours by default', () => {
    const at = new Date('2026-11-23T21:00:00+01:00');
    const s = selectSnpOffers(structures, { at });
    const kept = ids(s.offers);
    expect(kept).toContain(byName('Maison médicale de garde de Bouaye (CAPS)').id); // Mo-Fr 20:00-24:00
    expect(kept).toContain(byName("Maison médicale de garde d'Alès").id);
    expect(kept).not.toContain(byName('Centre hospitalier Erdre et Loire').id); // urgences fermées la nuit
    expect(kept).toContain(byName('CHU de Nantes').id); // SU without hours: open 24/7
    expect(s.closed).toBe(1);
    expect(s.unknown).toBe(15); // 11 Haute-Garonne MMG and 4 Réunion MMG without hours
    const inclusive = selectSnpOffers(structures, { at, unknownHours: 'include' });
    expect(inclusive.offers).toHaveLength(s.offers.length + 15);
    expect(inclusive.unknownIncluded).toBe(15);
  });

  it("reads hours in the structure's time zone: 21:00 in Réunion is 18:00 in Paris", () => {
    const reunion = { ...byName('MMG de Saint-Denis'), openingHours: 'Mo-Fr 20:00-24:00' };
    const at = new Date('2026-11-23T17:00:00Z'); // 21:00 Indian/Reunion, 18:00 Europe/Paris
    const s = selectSnpOffers([reunion, byName('Maison médicale de garde de Bouaye (CAPS)')], { at });
    expect(ids(s.offers)).toEqual([reunion.id]);
    expect(s.closed).toBe(1);
  });

  it('on Saturday at 10:00 opens Alès (from 9:00) but not Bouaye (from 12:00)', () => {
    const s = selectSnpOffers([byName("Maison médicale de garde d'Alès"), byName('Maison médicale de garde de Bouaye (CAPS)')], { at: new Date('2026-11-28T10:00:00+01:00') });
    expect(s.offers.map((o) => o.name)).toEqual(["Maison médicale de garde d'Alès"]);
  });

  it('treats unreadable hours as unknown and refuses a bad policy', () => {
    const broken = { ...byName('Maison médicale de garde de Bouaye (CAPS)'), openingHours: 'n’importe quoi' };
    expect(selectSnpOffers([broken], { at: new Date() }).unknown).toBe(1);
    expect(() => selectSnpOffers([], { unknownHours: 'peut-être' as never })).toThrow(/exclude ou include/);
  });
});
