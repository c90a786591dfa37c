/** SAS coverage at a date on the real pilot list (with the Vendée launch), partial dates included. */
import { beforeAll, describe, expect, it } from 'vitest';
import { periodOf, startedBy } from '../../server/src/analysis/partial-date';
import { sasCoverage } from '../../server/src/analysis/sas-coverage';
import type { SasRecord } from '../../server/src/analysis/inputs';
import { curatedRecords } from '../helpers/curated-care';
import { france, type France } from '../helpers/france';

let F: France;
let sas: SasRecord[];
const depPop = (code: string) => F.table.list.filter((c) => c.departement === code).reduce((s, c) => s + c.population, 0);
type Commune = France['table']['list'][number];
const run = (territory: (c: Commune) => boolean, date: string, list = sas) =>
  sasCoverage({ territory: F.table.list.filter(territory), all: F.table.list, sas: list, names: F.table.names, date });
beforeAll(async () => {
  F = await france();
  sas = curatedRecords(F.table).sas;
});

describe('SAS coverage', () => {
  it('in Pays de la Loire on 2024-01-01 covers Loire-Atlantique (pilot, no date: flagged) and Vendée (launched 2023-04-27)', () => {
    const r = run((c) => c.region === '52', '2024-01-01');
    expect(r.departements.filter((d) => d.etat === 'couvert').map((d) => [d.code, d.dateInconnue])).toEqual([['44', true], ['85', false]]);
    expect(r.population.couverte).toBe(depPop('44') + depPop('85'));
    expect(r.population.couverte).toBeLessThanOrEqual(r.population.totale);
    expect(r.regions).toEqual([{ code: '52', nom: 'Pays de la Loire', population: r.population.totale, couverte: r.population.couverte, renseignee: r.population.renseignee, part: r.population.part }]);
    // 49, 53 and 72 have no SAS row: « non renseigné », out of the share's base.
    expect(r.departements.filter((d) => d.etat === 'non renseigné').map((d) => d.code)).toEqual(['49', '53', '72']);
    expect(r.population.renseignee).toBe(depPop('44') + depPop('85'));
    expect(r.population.part).toBe(1);
    expect(r.france.partDuTerritoire).toBeCloseTo(r.population.couverte / r.france.population, 12);
    expect(r.filieres).toEqual([{ filiere: 'médecine générale', population: r.population.couverte, part: r.population.part }]);
  });

  it('before the Vendée launch leaves Vendée out, and a start known only by year is uncertain inside that year', () => {
    expect(run((c) => c.departement === '85', '2023-04-26').population.couverte).toBe(0);
    expect(run((c) => c.departement === '85', '2023-04-27').population.couverte).toBe(depPop('85'));
    const hg = (date: string) => run((c) => c.departement === '31', date);
    expect(hg('2020-12-31').departements[0]!.etat).toBe('non couvert');
    expect(hg('2021-06-15').departements[0]!.etat).toBe('incertain');
    expect(hg('2021-06-15').population.incertaine).toBe(depPop('31'));
    expect(hg('2022-01-01').departements[0]!.etat).toBe('couvert');
  });

  it('counts other filières from their own date and ignores SAS « en préparation »', () => {
    const list: SasRecord[] = [
      { departement: '44', status: 'opérationnel', startDate: '2021-01', demo: false, filieres: [{ filiere: 'psychiatrie', since: '2023-09-01' }, { filiere: 'pédiatrie', since: null }] },
      { departement: '49', status: 'en préparation', startDate: null, demo: true, filieres: [] },
    ];
    const before = run((c) => c.region === '52', '2023-08-31', list);
    expect(before.filieres.map((f) => f.filiere)).toEqual(['médecine générale', 'pédiatrie']);
    const after = run((c) => c.region === '52', '2023-09-01', list);
    expect(after.filieres.find((f) => f.filiere === 'psychiatrie')!.population).toBe(depPop('44'));
    expect(after.departements.find((d) => d.code === '49')).toMatchObject({ etat: 'non couvert', statut: 'en préparation', demo: true });
    expect(after.donneesDemonstration).toBe(true);
  });

  it('for France gives every région its share, and nothing for an empty territory', () => {
    const r = run(() => true, '2026-01-01');
    expect(r.regions.length).toBe(18);
    expect(r.regions.reduce((s, x) => s + x.couverte, 0)).toBe(r.population.couverte);
    expect(r.population.totale).toBe(r.france.population);
    const empty = run(() => false, '2026-01-01');
    expect(empty.population).toEqual({ totale: 0, couverte: 0, incertaine: 0, renseignee: 0, nonRenseignee: 0, part: null });
  });

  it('reads partial dates as the period they denote', () => {
    expect(periodOf('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(periodOf('2021')).toEqual({ first: '2021-01-01', last: '2021-12-31' });
    expect(periodOf('2021-02-30')).toBeNull();
    expect(periodOf('printemps 2021')).toBeNull();
    expect(startedBy(periodOf('2021-06')!, '2021-06-30')).toBe('oui');
  });
});
