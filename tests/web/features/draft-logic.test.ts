/** Draft perimeters of a CPTS: set logic and what a change does, checked on hand-made memberships. */
import { describe, expect, it } from 'vitest';
import { draftCommunes, draftEffects, parseChange, toggleCommune, type Membership } from '../../../web/src/features/cpts-draft/draft-logic';

const SELF = 'PDL-44-ERDRE-ET-CENS';
const OFFICIAL = ['44035', '44114', '44194'];
const m = (code: string, nom: string, population: number, cpts: string[]): Membership => ({ code, nom, population, cpts: cpts.map((id) => ({ id, nom: id })) });
const MEMBERSHIP = new Map([
  ['44035', m('44035', 'La Chapelle-sur-Erdre', 20000, [SELF])],
  ['44114', m('44114', 'Orvault', 27000, [SELF])],
  ['44194', m('44194', 'Sautron', 8000, [SELF, 'AUTRE'])],
  ['44109', m('44109', 'Nantes', 320000, ['PDL-44-NANTES-GRAND-OUEST'])],
  ['44026', m('44026', 'Carquefou', 20000, [])],
]);

describe('draft perimeter', () => {
  it('adds, removes and undoes by clicking the same commune again', () => {
    let change = { added: [], removed: [] } as { added: string[]; removed: string[] };
    change = toggleCommune(OFFICIAL, change, '44026');
    expect(change).toEqual({ added: ['44026'], removed: [] });
    change = toggleCommune(OFFICIAL, change, '44194');
    expect(draftCommunes(OFFICIAL, change)).toEqual(['44026', '44035', '44114']);
    change = toggleCommune(OFFICIAL, change, '44026');
    change = toggleCommune(OFFICIAL, change, '44194');
    expect(change).toEqual({ added: [], removed: [] });
  });

  it('counts population, overlaps created and removed, zones blanches filled and opened', () => {
    const e = draftEffects(SELF, OFFICIAL, { added: ['44026', '44109'], removed: ['44194', '44035'] }, MEMBERSHIP);
    expect(e.communes).toBe(3);
    expect(e.population).toBe(27000 + 20000 + 320000);
    expect(e.populationOfficial).toBe(55000);
    expect(e.overlapsCreated.map((x) => x.nom)).toEqual(['Nantes']);
    expect(e.zonesBlanchesFilled.map((x) => x.nom)).toEqual(['Carquefou']);
    expect(e.overlapsRemoved.map((x) => x.nom)).toEqual(['Sautron']);
    expect(e.zonesBlanchesOpened.map((x) => x.nom)).toEqual(['La Chapelle-sur-Erdre']);
    expect(e.unknown).toEqual([]);
  });

  it('changes nothing when the draft is the official perimeter, and reports communes not loaded yet', () => {
    const same = draftEffects(SELF, OFFICIAL, { added: [], removed: [] }, MEMBERSHIP);
    expect(same.population).toBe(same.populationOfficial);
    expect([same.overlapsCreated, same.overlapsRemoved, same.zonesBlanchesFilled, same.zonesBlanchesOpened].every((l) => l.length === 0)).toBe(true);
    expect(draftEffects(SELF, OFFICIAL, { added: ['31555'], removed: [] }, MEMBERSHIP).unknown).toEqual(['31555']);
  });

  it('reads the change from the address, ignoring malformed codes and duplicates', () => {
    expect(parseChange('44026,2a004,44026,x', null)).toEqual({ added: ['2A004', '44026'], removed: [] });
    expect(parseChange(null, '')).toEqual({ added: [], removed: [] });
  });
});
