import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../server/src/lib/text';
import { planSearch } from '../../server/src/search/plan-search';

describe('normalizeName', () => {
  it('ignores case, accents, hyphens and apostrophes', () => {
    expect(normalizeName("L'Île-d'Yeu")).toBe('l ile d yeu');
    expect(normalizeName('Couëron')).toBe('coueron');
    expect(normalizeName('  SAINT-ÉTIENNE  ')).toBe('saint etienne');
  });
  it('spells out saint and sainte', () => {
    expect(normalizeName('St Nazaire')).toBe('saint nazaire');
    expect(normalizeName('Ste-Foy-lès-Lyon')).toBe('sainte foy les lyon');
    expect(normalizeName('Stenay')).toBe('stenay');
  });
  it('folds ligatures', () => {
    expect(normalizeName('Œuilly')).toBe('oeuilly');
  });
});

describe('planSearch', () => {
  it('reads a code as both INSEE code and postcode', () => {
    expect(planSearch('44109')).toEqual({ codes: ['44109'], postcodes: ['44109'], name: '', windows: [] });
    expect(planSearch('2a004').codes).toEqual(['2A004']);
  });
  it('picks the postcode and the name windows out of an address', () => {
    const plan = planSearch('12 rue des Lilas, 31770 Colomiers');
    expect(plan.postcodes).toEqual(['31770']);
    expect(plan.name).toBe('12 rue des lilas colomiers');
    expect(plan.windows).toContain('colomiers');
    expect(plan.windows).not.toContain('12');
  });
});
