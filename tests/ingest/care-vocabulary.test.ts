/**
 * Values as sources and users write them: the subtype of a centre de santé from its name, hours
 * written the French way, coverage and status wordings.
 */
import { describe, expect, it } from 'vitest';
import { coverage, cptsStatus, cptsStatusOfFile, sasStatus } from '../../server/src/ingest/care-vocabulary';
import { cdsSubtypeOf } from '../../server/src/ingest/cds-subtype';
import { frenchHoursToOpeningHours } from '../../server/src/ingest/french-hours';
import { partialDate } from '../../server/src/ingest/field-values';

describe('subtype of a centre de santé from its raison sociale', () => {
  it('classifies the names of the Haute-Garonne FINESS list', () => {
    expect(cdsSubtypeOf('CABINET DENTAIRE')).toBe('dentaire');
    expect(cdsSubtypeOf('CENTRE DE SOINS DENTAIRES')).toBe('dentaire');
    expect(cdsSubtypeOf('CENTRE DE SOINS INFIRMIERS EMPALOT')).toBe('infirmier');
    expect(cdsSubtypeOf('CDS INFIRMIER BASSO CAMBO')).toBe('infirmier');
    expect(cdsSubtypeOf('CENTRE DE SANTE MEDICAL ET INFIRMIER')).toBe('polyvalent');
    expect(cdsSubtypeOf('CDS MEDICO DENTAIRE TOULOUSE CSMDT')).toBe('polyvalent');
    expect(cdsSubtypeOf("CDS POLYVALENT MUTUALISTE CAP'REMPART")).toBe('polyvalent');
    expect(cdsSubtypeOf('CENTRE OPHTALMOLOGIQUE COLOMIERS')).toBe('autre');
    expect(cdsSubtypeOf('CDS OPHTALMOLOGIQUE MEDICAL ORL BALMA')).toBe('autre');
  });

  it('does not guess when the name says nothing', () => {
    expect(cdsSubtypeOf('CENTRE MUNICIPAL DE SANTÉ')).toBeNull();
    expect(cdsSubtypeOf('CENTRE DE SANTE DU MIRAIL')).toBeNull();
    expect(cdsSubtypeOf('CENTRE DE SOINS')).toBeNull();
  });
});

describe('hours written the French way', () => {
  it('converts the PDSA hours of the Bouaye MMG (2017 article)', () => {
    expect(frenchHoursToOpeningHours({ semaine: 'lun-ven 20h-24h', samedi: '12h-24h', dimancheFeries: '8h-24h' }))
      .toEqual({ ok: true, value: 'Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00' });
  });

  it('reads split ranges, minutes and closed days; refuses what it cannot read', () => {
    expect(frenchHoursToOpeningHours({ semaine: '8h-12h, 14h30-20h', samedi: 'fermé', dimancheFeries: '' }))
      .toEqual({ ok: true, value: 'Mo-Fr 08:00-12:00,14:30-20:00; Sa off' });
    expect(frenchHoursToOpeningHours({ semaine: '', samedi: '', dimancheFeries: '' })).toEqual({ ok: true, value: null });
    expect(frenchHoursToOpeningHours({ semaine: 'le soir', samedi: '', dimancheFeries: '' }).ok).toBe(false);
  });
});

describe('statuses, coverage and dates', () => {
  it('maps the wordings sources use', () => {
    expect(cptsStatus('ACI signé / en fonctionnement')).toEqual({ ok: true, value: 'ACI signé' });
    expect(cptsStatus('Pré-projet')).toEqual({ ok: true, value: 'pré-projet' });
    // Issue 22, item 2: an empty status is said « vide », and a file's empty status is « non renseigné » with a warning.
    expect(cptsStatus('  ')).toEqual({ ok: false, message: 'statut de CPTS vide (valeurs : pré-projet, projet de santé, ACI signé, ou non renseigné)' });
    expect(cptsStatus('Non renseigné')).toEqual({ ok: true, value: 'non renseigné' });
    expect(cptsStatusOfFile('')).toEqual({ ok: true, value: { status: 'non renseigné', warning: expect.stringMatching(/^statut vide : CPTS gardée avec le statut « non renseigné »/) } });
    expect(cptsStatusOfFile('signée')).toEqual({ ok: false, message: 'statut de CPTS « signée » inconnu (valeurs : pré-projet, projet de santé, ACI signé)' });
    expect(coverage('partielle (quartiers ouest)')).toEqual({ ok: true, value: { coverage: 'partielle', note: 'quartiers ouest' } });
    expect(coverage('')).toEqual({ ok: true, value: { coverage: 'entière', note: null } });
    expect(sasStatus('Opérationnel')).toEqual({ ok: true, value: 'opérationnel' });
  });

  it('keeps dates at the precision given and refuses impossible ones', () => {
    expect(partialDate('2021')).toEqual({ ok: true, value: '2021' });
    expect(partialDate('03/2024')).toEqual({ ok: true, value: '2024-03' });
    expect(partialDate('27/04/2023')).toEqual({ ok: true, value: '2023-04-27' });
    expect(partialDate('2023-02-30')).toEqual({ ok: false, message: 'date « 2023-02-30 » impossible' });
    expect(partialDate('printemps 2021').ok).toBe(false);
  });
});
