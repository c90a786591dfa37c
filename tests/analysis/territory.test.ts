/** Territory parameters and the CSV writer used by every export. */
import { describe, expect, it } from 'vitest';
import { formatTerritory, parseTerritory, territorySlug } from '../../server/src/analysis/territory';
import { toCsv } from '../../server/src/lib/csv';
import { exportFileName } from '../../server/src/lib/attachment';

describe('territory', () => {
  it('reads france, région, département (Corse, DROM) and EPCI forms', () => {
    expect(parseTerritory('france')).toEqual({ kind: 'france' });
    expect(parseTerritory('region:52')).toEqual({ kind: 'region', code: '52' });
    expect(parseTerritory(' departement:2a ')).toEqual({ kind: 'departement', code: '2A' });
    expect(parseTerritory('departement:974')).toEqual({ kind: 'departement', code: '974' });
    expect(formatTerritory(parseTerritory('epci:244400404'))).toBe('epci:244400404');
    expect(territorySlug(parseTerritory('departement:44'))).toBe('departement-44');
  });

  it('refuses other forms with a French message', () => {
    expect(() => parseTerritory('dep:44')).toThrow(/illisible/);
    expect(() => parseTerritory('region:5')).toThrow(/code « 5 » invalide pour region/);
    expect(() => parseTerritory('epci:1234')).toThrow(/epci:244400404/);
    expect(() => parseTerritory('departement:44:1')).toThrow(/illisible/);
  });
});

describe('CSV for French spreadsheets', () => {
  it('writes a BOM, « ; », decimal commas, oui/non, CRLF and quotes where needed', () => {
    const text = toCsv([{ header: 'nom', value: (r: any) => r.nom }, { header: 'part', value: (r: any) => r.part }, { header: 'ok', value: (r: any) => r.ok }], [
      { nom: "L'Île-d'Yeu", part: 0.3124216, ok: true },
      { nom: 'Saint-Denis; "Nord"', part: null, ok: false },
      { nom: 'Paris', part: 12, ok: true },
    ]);
    expect(text).toBe('\uFEFFnom;part;ok\r\nL\'Île-d\'Yeu;0,312422;oui\r\n"Saint-Denis; ""Nord""";;non\r\nParis;12;oui\r\n');
  });

  it('names files after the analysis, the territory and the day in Paris', () => {
    expect(exportFileName('couverture-cpts', 'departement-44', 'csv', new Date('2026-11-23T22:30:00Z'))).toBe('couverture-cpts_departement-44_2026-11-23.csv');
    expect(exportFileName('couverture-cpts', 'france', 'geojson', new Date('2026-11-23T23:30:00Z'))).toBe('couverture-cpts_france_2026-11-24.geojson');
  });
});
