/** « Ouvert maintenant » / « ouvre à … » in words, relative to the instant in the offer's time zone. */
import { describe, expect, it } from 'vitest';
import { openingText, whenText } from '../../../web/src/features/snp-finder/opening-text';
import { openingHoursInFrench } from '../../../web/src/lib/opening-hours-text';

const MONDAY_21H_PARIS = '2026-11-23T20:00:00.000Z';

describe('opening state in words', () => {
  it('says until when an open offer stays open, midnight included', () => {
    expect(openingText({ etat: 'ouvert', jusqua: '2026-11-23T23:00:00.000Z', jusquaLocal: '2026-11-24T00:00', horaires: 'renseignés' }, MONDAY_21H_PARIS, 'Europe/Paris'))
      .toEqual({ badge: 'ouvert maintenant', severity: 'success', detail: 'jusqu’à minuit' });
    expect(openingText({ etat: 'ouvert', jusqua: null, jusquaLocal: null, horaires: 'supposés 24 h/24' }, MONDAY_21H_PARIS, 'Europe/Paris').detail).toBe('24 h/24 (service d’urgence)');
  });

  it('says when a closed offer opens: today, tomorrow, later this week, or a date', () => {
    expect(whenText('2026-11-23T22:00', MONDAY_21H_PARIS, 'Europe/Paris')).toBe('à 22:00');
    expect(whenText('2026-11-24T08:30', MONDAY_21H_PARIS, 'Europe/Paris')).toBe('demain à 08:30');
    expect(whenText('2026-11-28T12:00', MONDAY_21H_PARIS, 'Europe/Paris')).toBe('samedi à 12:00');
    expect(whenText('2026-12-02T08:00', MONDAY_21H_PARIS, 'Europe/Paris')).toBe('le 02/12 à 08:00');
    expect(openingText({ etat: 'fermé', ouvreA: null, ouvreALocal: '2026-11-24T08:30' }, MONDAY_21H_PARIS, 'Europe/Paris'))
      .toEqual({ badge: 'fermé', severity: 'warning', detail: 'ouvre demain à 08:30' });
  });

  it('counts days in the offer’s time zone: 21:00 in Paris is already Tuesday at La Réunion', () => {
    expect(whenText('2026-11-24T08:00', MONDAY_21H_PARIS, 'Indian/Reunion')).toBe('à 08:00');
  });

  it('asks to call first when hours are unknown', () => {
    expect(openingText({ etat: 'inconnu', raison: 'horaires non renseignés' }, MONDAY_21H_PARIS, 'Europe/Paris'))
      .toEqual({ badge: 'horaires inconnus', severity: 'info', detail: 'horaires non renseignés : appelez avant de vous déplacer' });
  });

  it('writes OpenStreetMap hours in French', () => {
    expect(openingHoursInFrench('Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00')).toEqual([
      'lun.–ven. 20:00–24:00', 'sam. 12:00–24:00', 'dim., jours fériés 08:00–24:00',
    ]);
    expect(openingHoursInFrench('24/7')).toEqual(['24 h/24, 7 j/7']);
  });
});
