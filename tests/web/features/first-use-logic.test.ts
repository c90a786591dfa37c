/**
 * Issue 12: the pure rules behind the first-use fixes — an SU not open around the clock and an
 * offer closing soon, phone numbers, source dates, wrapped captions, the evening window of the
 * open filter, and a draft's effect on its département's coverage and on the structures inside.
 */
import { describe, expect, it } from 'vitest';
import { openingWarning } from '../../../web/src/features/snp-finder/opening-text';
import { formatPhone, telHref } from '../../../web/src/features/snp-finder/phone';
import { formatSourceDate } from '../../../web/src/features/snp-finder/source-date';
import { wrapText } from '../../../web/src/lib/map-image';
import { structuresChange } from '../../../web/src/features/cpts-draft/draft-logic';
import { eveningWindow, passesOpenFilter } from '../../../server/src/analysis/open-filter';

const MONDAY_16H30_PARIS = '2026-11-23T15:30:00.000Z';

describe('what a visitor must know besides the state', () => {
  it('says that the Ancenis SU (08:30–17:00) is not open around the clock, and that it closes within the hour', () => {
    const open = { etat: 'ouvert' as const, jusqua: '2026-11-23T16:00:00.000Z', jusquaLocal: '2026-11-23T17:00', horaires: 'renseignés' };
    expect(openingWarning(open, 'SU', MONDAY_16H30_PARIS, 'Europe/Paris')).toBe(
      'Ferme bientôt : dans 30 min. Ce service d’urgence n’est pas ouvert 24 h/24 : il ferme à 17:00, ce qui est rare pour des urgences. En dehors de ses heures, appelez le 15.',
    );
    expect(openingWarning({ etat: 'fermé', ouvreA: null, ouvreALocal: '2026-11-24T08:30' }, 'SU', MONDAY_16H30_PARIS, 'Europe/Paris')).toMatch(/^Ce service d’urgence n’est pas ouvert 24 h\/24, ce qui est rare/);
  });

  it('says nothing for an SU assumed open 24 h/24, nor for an MMG closing in two hours', () => {
    expect(openingWarning({ etat: 'ouvert', jusqua: null, jusquaLocal: null, horaires: 'supposés 24 h/24' }, 'SU', MONDAY_16H30_PARIS, 'Europe/Paris')).toBeNull();
    expect(openingWarning({ etat: 'ouvert', jusqua: '2026-11-23T17:30:00.000Z', jusquaLocal: '2026-11-23T18:30', horaires: 'renseignés' }, 'MMG', MONDAY_16H30_PARIS, 'Europe/Paris')).toBeNull();
  });
});

describe('phone numbers and source dates', () => {
  it('writes a FINESS number in pairs and dials it without spaces', () => {
    expect(formatPhone('0262905050')).toBe('02 62 90 50 50');
    expect(formatPhone('15')).toBe('15');
    expect(telHref('02 62 90 50 50')).toBe('tel:0262905050');
  });

  it('says a source date in French words, at its own precision', () => {
    expect(formatSourceDate('2026-05-12')).toBe('mise à jour du 12 mai 2026');
    expect(formatSourceDate('2026-08')).toBe('mise à jour d’août 2026');
    expect(formatSourceDate('2023-02')).toBe('mise à jour de février 2023');
    expect(formatSourceDate('2017')).toBe('données de 2017');
  });
});

describe('a caption line never cut', () => {
  it('wraps at the width, every word kept', () => {
    const ctx = { measureText: (t: string) => ({ width: t.length * 10 }) as TextMetrics };
    const text = 'Sources : contours IGN ADMIN EXPRESS, INSEE COG ; offre de soins : FINESS, ARS, Assurance Maladie.';
    const lines = wrapText(ctx, text, 300);
    expect(lines.join(' ')).toBe(text);
    expect(lines.every((l) => l.length * 10 <= 300)).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
  });
});

describe('« ouvert ce soir »', () => {
  it('is 19:00–24:00 local time, from now when later, in the offer’s own time zone', () => {
    expect(eveningWindow(new Date('2026-11-23T09:00:00Z'), 'Europe/Paris')).toEqual({ from: new Date('2026-11-23T18:00:00Z'), to: new Date('2026-11-23T23:00:00Z') });
    expect(eveningWindow(new Date('2026-11-23T20:30:00Z'), 'Europe/Paris').from).toEqual(new Date('2026-11-23T20:30:00Z'));
    expect(eveningWindow(new Date('2026-11-23T05:00:00Z'), 'Indian/Reunion')).toEqual({ from: new Date('2026-11-23T15:00:00Z'), to: new Date('2026-11-23T20:00:00Z') });
  });

  it('keeps an MMG open 20:00–24:00 at 10:00 for tonight but not for now; unknown hours never pass; an SU without hours does', () => {
    const at = new Date('2026-11-23T09:00:00Z');
    const mmg = { kind: 'MMG', openingHours: 'Mo-Fr 20:00-24:00' };
    expect(passesOpenFilter(mmg, 'ce-soir', at, 'Europe/Paris')).toBe(true);
    expect(passesOpenFilter(mmg, 'maintenant', at, 'Europe/Paris')).toBe(false);
    expect(passesOpenFilter({ kind: 'MSP', openingHours: null }, 'maintenant', at, 'Europe/Paris')).toBe(false);
    expect(passesOpenFilter({ kind: 'SU', openingHours: null }, 'ce-soir', at, 'Europe/Paris')).toBe(true);
    expect(passesOpenFilter({ kind: 'SU', openingHours: 'Mo-Su 08:30-17:00' }, 'ce-soir', at, 'Europe/Paris')).toBe(false);
    expect(passesOpenFilter({ kind: 'MMG', openingHours: 'pas des horaires' }, 'ce-soir', at, 'Europe/Paris')).toBe(false);
  });
});

describe('a draft’s effect beyond its CPTS', () => {
  // The effect on the département's coverage is computed by the server: tests/server/cpts-draft-effect-api.test.ts.
  it('lists the structures the draft brings in and those it leaves out', () => {
    const s = [{ id: 'chu', commune: '97416' }, { id: 'msp', commune: '97417' }, { id: 'mmg', commune: '97412' }];
    expect(structuresChange(s, ['97412', '97417'], ['97412', '97416'])).toEqual({ entering: [{ id: 'chu', commune: '97416' }], leaving: [{ id: 'msp', commune: '97417' }] });
  });
});
