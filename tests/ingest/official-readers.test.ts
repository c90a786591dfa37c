/**
 * Readers of official formats added for known vs not known: the baromètre's `ind-NNN.csv` (zones,
 * initial vs actual values, unpublished rows, refusals), the SAE's commune codes and tables, and the
 * « liste complète » declaration of an import.
 */
import { describe, expect, it } from 'vitest';
import { readIndicatorValues, territoryOfZone } from '../../server/src/ingest/read-barometre';
import { readSaeUrgences } from '../../server/src/ingest/read-sae-urgences';
import { saeCommuneCode, saeDepartementCode } from '../../server/src/ingest/sae-commune-code';
import { parseDeclaration } from '../../server/src/imports/completeness-declaration';
import { frenchDay } from '../../server/src/analysis/french-day';

const HEADER = 'indic_id,enforce_zone_id,metric_enforce_date,maille,indic_vi,indic_va,indic_vc,indic_ta';

describe('baromètre reader', () => {
  it('reads zones, takes the actual value or else the initial one, keeps targets apart and skips unpublished rows', () => {
    const rows = readIndicatorValues([HEADER,
      'IND-589,D31,2022-12-01,DEPT,83.0,,,', 'IND-589,D31,2024-05-01,DEPT,,92.0,,52.94', 'IND-589,D31,2026-12-01,DEPT,,,100.0,',
      'IND-587,D976,,DEPT,,,,', 'IND-589,D2A,2024-05-01,DEPT,,17.0,,', 'IND-589,R84,2024-05-01,REG,,90,,', 'IND-589,FRANCE,2024-05-01,NAT,,86.1,,'].join('\n'), 'ind.csv');
    expect(rows.map((r) => [r.territory, r.date, r.value, r.target])).toEqual([
      ['departement:31', '2022-12-01', 83, null], ['departement:31', '2024-05-01', 92, null], ['departement:31', '2026-12-01', null, 100],
      ['departement:2A', '2024-05-01', 17, null], ['region:84', '2024-05-01', 90, null], ['france', '2024-05-01', 86.1, null],
    ]);
    expect(rows[1]!.progress).toBe(52.94);
    expect(territoryOfZone('D976')).toBe('departement:976');
    expect(territoryOfZone('X1')).toBeNull();
  });

  it('refuses a foreign header, an unreadable zone, date or number, and a duplicate row, naming the line', () => {
    expect(() => readIndicatorValues('a,b,c\n1,2,3\n', 'x.csv')).toThrow(/x\.csv : en-tête inattendu/);
    expect(() => readIndicatorValues(`${HEADER}\nIND-589,Z31,2024-05-01,DEPT,,1,,\n`, 'x.csv')).toThrow(/ligne 2 : zone « Z31 » illisible/);
    expect(() => readIndicatorValues(`${HEADER}\nIND-589,D31,mai 2024,DEPT,,1,,\n`, 'x.csv')).toThrow(/ligne 2 : date « mai 2024 » illisible/);
    expect(() => readIndicatorValues(`${HEADER}\nIND-589,D31,2024-05-01,DEPT,,quatre,,\n`, 'x.csv')).toThrow(/indic_va « quatre » n'est pas un nombre/);
    expect(() => readIndicatorValues(`${HEADER}\nIND-589,D31,2024-05-01,DEPT,,1,,\nIND-589,D31,2024-05-01,DEPT,,2,,\n`, 'x.csv')).toThrow(/ligne 3 : IND-589 departement:31 2024-05-01 en double/);
  });

  it('writes days the French way', () => {
    expect([frenchDay('2024-05-01'), frenchDay('2024-09-15')]).toEqual(['1er mai 2024', '15 septembre 2024']);
    expect(() => frenchDay('2024-5-1')).toThrow(RangeError);
  });
});

describe('SAE reader', () => {
  const U2 = 'BOR;AN;FI;RS;FI_EJ;URG;PASSU\r\nURGENCES2;2021;440000271;CHU;440000289;GEN;100\r\nURGENCES2;2021;440000271;CHU;440000289;PED;50\r\nURGENCES2;2021;970400024;CHU FG;970408589;GEN;7\r\n';
  const ID = 'bor;an;fi;rs;fi_ej;cat;dep;COMINSEE;NOMCOM;NUMVOI;TYPVOI;NOMVOI;CPO;LIBCOM\r\nID;2021;440000271;CHU;440000289;101;44;44109;NANTES;5;ALL;DE L ILE;44000;NANTES\r\nID;2021;970400024;CHU FG;970408589;101;9D;9D411;SAINT DENIS;;;;97400;ST DENIS\r\n';

  it('joins URGENCES2 and ID in one text, one site per FINESS with its types and visits summed', () => {
    const r = readSaeUrgences(U2 + ID);
    expect(r.problems).toEqual([]);
    expect(r.sites.map((s) => [s.finess, s.types, s.visits, s.commune, s.departement, s.address])).toEqual([
      ['440000271', ['GEN', 'PED'], 150, '44109', '44', '5 ALL DE L ILE, 44000 NANTES'], ['970400024', ['GEN'], 7, '9D411', '9D', null],
    ]);
    expect([saeCommuneCode('9D411'), saeCommuneCode('9F611'), saeCommuneCode('44109'), saeDepartementCode('9A'), saeDepartementCode('2B')]).toEqual(['97411', '97611', '44109', '971', '2B']);
  });

  it('refuses a text without ID, and reports a site missing from ID or of an unknown type by its line', () => {
    expect(() => readSaeUrgences(U2)).toThrow(/table ID absente/);
    const r = readSaeUrgences(`${U2}URGENCES2;2021;490000049;CHR;490000031;XXX;5\r\nURGENCES2;2021;490007928;CL;490007910;GEN;5\r\n${ID}`);
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[5, 'type d\'urgences « XXX » inconnu (GEN ou PED)'], [6, 'site 490007928 absent de la table ID (commune inconnue)']]);
  });
});

describe('« liste complète » declaration', () => {
  it('defaults the list by kind and the day to today, and refuses what cannot be read', () => {
    expect(parseDeclaration('cpts', {}, '2026-12-01')).toEqual({ ok: true, value: null });
    expect(parseDeclaration('cpts', { departements: '44, 2a,44' }, '2026-12-01')).toEqual({ ok: true, value: { list: 'cpts', departements: ['2A', '44'], date: '2026-12-01' } });
    expect(parseDeclaration('finess', { departements: '31', date: '2026-11-01' }, 'x')).toEqual({ ok: true, value: { list: 'snp', departements: ['31'], date: '2026-11-01' } });
    expect(parseDeclaration('mmg', { departements: '31', list: 'snp' }, '2026-12-01')).toMatchObject({ ok: true, value: { list: 'snp' } });
    expect(parseDeclaration('sas', { departements: '31' }, '2026-12-01')).toMatchObject({ ok: false, message: expect.stringMatching(/ne complète aucune liste/) });
    expect(parseDeclaration('cpts', { departements: '31', list: 'msp' }, '2026-12-01')).toMatchObject({ ok: false, message: expect.stringMatching(/liste « msp » inconnue/) });
    expect(parseDeclaration('cpts', { list: 'cpts' }, '2026-12-01')).toMatchObject({ ok: false, message: expect.stringMatching(/sans départements/) });
    expect(parseDeclaration('cpts', { departements: '31', date: '2026-02-30' }, '2026-12-01')).toMatchObject({ ok: false });
  });
});
