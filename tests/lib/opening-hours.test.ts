import { describe, expect, it } from 'vitest';
import { checkOpeningHours, openingStateAt } from '../../server/src/lib/opening-hours';

// Bouaye MMG (44), as its 2017 article states: weekdays 20h-24h, Saturday 12h-24h, Sunday and holidays 8h-24h.
const BOUAYE = 'Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00';

describe('opening hours', () => {
  it('accepts the OSM syntax and explains a wrong value in French', () => {
    expect(checkOpeningHours(BOUAYE)).toMatchObject({ ok: true, message: null });
    const bad = checkOpeningHours('lundi de 8h à midi');
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/^horaires illisibles/);
  });

  it('is closed on a Monday afternoon in Paris and says when it opens', () => {
    // Monday 23 November 2026, 14:00 in Paris = 13:00 UTC.
    const s = openingStateAt(BOUAYE, new Date('2026-11-23T13:00:00Z'), 'Europe/Paris');
    expect(s).toMatchObject({ state: 'fermé', nextChangeLocal: '2026-11-23T20:00', nextChange: '2026-11-23T19:00:00.000Z' });
  });

  it('reads the same instant in the Réunion time zone (UTC+4)', () => {
    // 13:00 UTC is 17:00 in Saint-Denis de La Réunion: still closed, opens at 20:00 local = 16:00 UTC.
    const s = openingStateAt(BOUAYE, new Date('2026-11-23T13:00:00Z'), 'Indian/Reunion');
    expect(s).toMatchObject({ state: 'fermé', nextChangeLocal: '2026-11-23T20:00', nextChange: '2026-11-23T16:00:00.000Z' });
    // 17:00 UTC is 21:00 there: open until midnight.
    expect(openingStateAt(BOUAYE, new Date('2026-11-23T17:00:00Z'), 'Indian/Reunion')).toMatchObject({ state: 'ouvert', nextChangeLocal: '2026-11-24T00:00' });
  });

  it('knows French public holidays (Christmas is a Friday in 2026)', () => {
    // Friday 25 December 2026 at 10:00 in Paris: holiday hours 08:00-24:00 apply.
    expect(openingStateAt(BOUAYE, new Date('2026-12-25T09:00:00Z'), 'Europe/Paris').state).toBe('ouvert');
    // The Friday before, at the same hour, it is closed.
    expect(openingStateAt(BOUAYE, new Date('2026-12-18T09:00:00Z'), 'Europe/Paris').state).toBe('fermé');
  });

  it('crosses the daylight-saving change correctly', () => {
    // Saturday 28 March 2026, 11:00 UTC = 12:00 CET: opens now; Sunday 29 March clocks go forward.
    const s = openingStateAt('Su 08:00-12:00', new Date('2026-03-28T11:00:00Z'), 'Europe/Paris');
    expect(s).toMatchObject({ state: 'fermé', nextChangeLocal: '2026-03-29T08:00', nextChange: '2026-03-29T06:00:00.000Z' });
  });

  it('says "inconnu" when there are no hours', () => {
    expect(openingStateAt(null, new Date(), 'Europe/Paris').state).toBe('inconnu');
  });
});
