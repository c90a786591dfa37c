/**
 * CPTS coverage on the real CPTS lists of Loire-Atlantique and La Réunion, and on a seeded set of
 * CPTS built from real EPCIs over France, checked against a direct recount.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cptsCoverage } from '../../server/src/analysis/cpts-coverage';
import { cptsReport } from '../../server/src/analysis/cpts-report';
import type { CommuneRef, CptsRecord } from '../../server/src/analysis/inputs';
import { seededRandom } from '../../scripts/bench/harness';
import { curatedRecords } from '../helpers/curated-care';
import { france, groupCodes, type France } from '../helpers/france';

let F: France;
let real: CptsRecord[];
const dep = (code: string): CommuneRef[] => F.table.list.filter((c) => c.departement === code);
const pop = (codes: string[]) => codes.reduce((s, c) => s + F.table.byCode.get(c)!.population, 0);
beforeAll(async () => {
  F = await france();
  real = curatedRecords(F.table).cpts;
});

describe('CPTS coverage', () => {
  it('covers in Loire-Atlantique the communes the sources list, Nantes partly, and adds up exactly', () => {
    const r = cptsCoverage(dep('44'), F.table.byCode, real);
    const listed = ['44114', '44035', '44194', '44109', '44047', '44074', '44162'];
    expect(r.population.couverte).toBe(pop(listed));
    expect(r.population.couvertePartiellement).toBe(pop(['44109']));
    expect(r.population.couverte + r.population.nonCouverte).toBe(r.population.totale);
    expect(r.population.totale).toBe(1_487_570);
    expect(r.communes).toEqual({ total: 207, couvertes: 7, nonCouvertes: 200, nonRenseignees: 0, partielles: 1, enChevauchement: 0, partagees: 0, arrondissements: 0 });
    expect(r.zonesBlanches).toHaveLength(200);
    expect(r.zonesBlanches.find((z) => z.code === '44184')).toMatchObject({ nom: 'Saint-Nazaire' });
    expect(r.parCommune.find((c) => c.code === '44109')).toMatchObject({ couverture: 'partielle', cpts: [{ id: 'PDL-44-NANTES-GRAND-OUEST', couverture: 'partielle' }] });
    expect(r.cpts.map((c) => c.nom)).toEqual(['CPTS Erdre et Cens', 'CPTS Nantes Grand Ouest']);
  });

  it('covers Saint-Joseph, Saint-Philippe and Petite-Île in La Réunion', () => {
    const r = cptsCoverage(dep('974'), F.table.byCode, real);
    expect(r.parCommune.filter((c) => c.couverture).map((c) => c.nom)).toEqual(['Petite-Île', 'Saint-Joseph', 'Saint-Philippe']);
    expect(r.population.part).toBeCloseTo(pop(['97405', '97412', '97417']) / r.population.totale, 12);
  });

  it('filters by status and lists overlaps with their CPTS', () => {
    const cpts: CptsRecord[] = [
      { id: 'A', name: 'CPTS A', status: 'ACI signé', demo: false, communes: [{ code: '44109', coverage: 'partielle' }, { code: '44143', coverage: 'entière' }] },
      { id: 'B', name: 'CPTS B', status: 'projet de santé', demo: false, communes: [{ code: '44109', coverage: 'partielle' }, { code: '44020', coverage: 'entière' }] },
      { id: 'C', name: 'CPTS C', status: 'pré-projet', demo: true, communes: [{ code: '44143', coverage: 'entière' }, { code: '99999', coverage: 'entière' }] },
    ];
    const all = cptsCoverage(dep('44'), F.table.byCode, cpts);
    // Nantes listed « partielle » by A and B is divided between them, not an overlap (issue 22, item 3).
    expect(all.chevauchements.map((o) => [o.code, o.cpts.map((c) => c.id)])).toEqual([['44143', ['A', 'C']]]);
    expect(all.partagees.map((o) => [o.code, o.partageeEntre, o.cpts.map((c) => c.id)])).toEqual([['44109', 2, ['A', 'B']]]);
    expect(all.communesInconnues).toEqual([{ cpts: 'C', code: '99999' }]);
    expect(all.donneesDemonstration).toBe(true);
    expect(cptsCoverage(dep('44'), F.table.byCode, cpts, { status: 'projet' }).population.couverte).toBe(pop(['44109', '44143', '44020']));
    const aci = cptsCoverage(dep('44'), F.table.byCode, cpts, { status: 'aci' });
    expect(aci.population.couverte).toBe(pop(['44109', '44143']));
    expect(aci.chevauchements).toEqual([]);
    expect(aci.donneesDemonstration).toBe(false);
    expect(() => cptsCoverage([], F.table.byCode, cpts, { status: 'tout' as never })).toThrow(/all, projet ou aci/);
  });

  it('matches a direct recount over France for seeded CPTS made of real EPCIs, statuses mixed', () => {
    const random = seededRandom(2026);
    const statuses = ['pré-projet', 'projet de santé', 'ACI signé'] as const;
    const cpts: CptsRecord[] = [...groupCodes(F.table, (c) => c.epci)]
      .filter(() => random() < 0.6)
      .map(([epci, codes]) => ({ id: epci, name: `CPTS ${epci}`, status: statuses[Math.floor(random() * 3)]!, demo: false, communes: codes.map((code) => ({ code, coverage: 'entière' as const })) }));
    for (const status of ['all', 'projet', 'aci'] as const) {
      const r = cptsCoverage(F.table.list, F.table.byCode, cpts, { status });
      const kept = cpts.filter((c) => status === 'all' || c.status === 'ACI signé' || (status === 'projet' && c.status === 'projet de santé'));
      const covered = new Set(kept.flatMap((c) => c.communes.map((m) => m.code)));
      let expected = 0;
      for (const c of F.table.list) if (covered.has(c.code)) expected += c.population;
      expect(r.population.couverte, status).toBe(expected);
      expect(r.population.couverte + r.population.nonCouverte).toBe(F.table.list.reduce((s, c) => s + c.population, 0));
    }
  });

  it('gives an empty territory zero everywhere and no share', () => {
    const r = cptsCoverage([], F.table.byCode, real);
    expect(r.population).toEqual({ totale: 0, couverte: 0, nonCouverte: 0, nonRenseignee: 0, renseignee: 0, couvertePartiellement: 0, partagee: 0, part: null });
    expect(r.cpts).toEqual([]);
  });
});

describe('CPTS coverage: known vs not known, and at a date', () => {
  const region52 = () => F.table.list.filter((c) => c.region === '52');

  it('makes zones blanches only where the CPTS list is complete; « non renseigné » elsewhere, never absent', () => {
    const r = cptsCoverage(region52(), F.table.byCode, real, { complete: new Map([['44', '2026-11-01']]) });
    const listed44 = ['44114', '44035', '44194', '44109', '44047', '44074', '44162'];
    expect(r.zonesBlanches.every((z) => z.departement === '44')).toBe(true);
    expect(r.zonesBlanches).toHaveLength(200);
    expect(r.population.renseignee).toBe(dep('44').reduce((s, c) => s + c.population, 0));
    expect(r.population.part).toBeCloseTo(pop(listed44) / r.population.renseignee, 12);
    expect(r.population.couverte + r.population.nonCouverte + r.population.nonRenseignee).toBe(r.population.totale);
    expect(r.communes.nonRenseignees).toBe(region52().length - 207);
    expect(r.parCommune.find((c) => c.code === '49007')!.etat).toBe('non_renseigne'); // Angers: no list for 49
    expect(r.parCommune.find((c) => c.code === '44184')!.etat).toBe('zone_blanche'); // Saint-Nazaire
    expect(r.parCommune.find((c) => c.code === '44109')!.etat).toBe('partielle');
    const none = cptsCoverage(region52(), F.table.byCode, real, { complete: new Map() });
    expect([none.zonesBlanches.length, none.population.part, none.population.nonCouverte]).toEqual([0, null, 0]);
  });

  it('lists overlaps only in complete départements', () => {
    const cpts: CptsRecord[] = [
      { id: 'A', name: 'A', status: 'ACI signé', demo: false, communes: [{ code: '44143', coverage: 'entière' }, { code: '49007', coverage: 'entière' }] },
      { id: 'B', name: 'B', status: 'ACI signé', demo: false, communes: [{ code: '44143', coverage: 'entière' }, { code: '49007', coverage: 'entière' }] },
    ];
    const r = cptsCoverage(region52(), F.table.byCode, cpts, { complete: new Map([['44', '2026-11-01']]) });
    expect(r.chevauchements.map((c) => c.code)).toEqual(['44143']);
  });

  it('counts a CPTS from its status date: before it, not at all; in its month, uncertain and left out; without date, counted', () => {
    const cpts: CptsRecord[] = [
      { id: 'D', name: 'Datée', status: 'ACI signé', statusDate: '2024-10-15', demo: false, communes: [{ code: '44143', coverage: 'entière' }] },
      { id: 'M', name: 'Au mois', status: 'ACI signé', statusDate: '2024-10', demo: false, communes: [{ code: '44020', coverage: 'entière' }] },
      { id: 'S', name: 'Sans date', status: 'ACI signé', statusDate: null, demo: false, communes: [{ code: '44184', coverage: 'entière' }] },
    ];
    const at = (date: string) => cptsCoverage(dep('44'), F.table.byCode, cpts, { date });
    expect(at('2024-10-14').cpts.map((c) => c.id).sort()).toEqual(['S']);
    expect(at('2024-10-14').cptsPasEncoreActives.map((c) => c.id)).toEqual(['D', 'M']);
    expect(at('2024-10-15').cpts.map((c) => c.id).sort()).toEqual(['D', 'S']);
    expect(at('2024-11-01').cpts.map((c) => c.id).sort()).toEqual(['D', 'M', 'S']);
    expect(at('2024-11-01').population.couverte).toBe(pop(['44143', '44020', '44184']));
    expect(at('2024-11-01').date).toBe('2024-11-01');
  });
});

describe('CPTS report: contiguity and layers', () => {
  it('flags Erdre et Cens as not contiguous and a CPTS of one commune as contiguous', () => {
    const cpts = [...real, { id: 'UNE', name: 'CPTS d’une commune', status: 'ACI signé' as const, demo: false, communes: [{ code: '44184', coverage: 'entière' as const }] }];
    const r = cptsReport(F.topo, F.table, dep('44'), cpts);
    expect(r.nonContigues.map((n) => n.id)).toEqual(['PDL-44-ERDRE-ET-CENS']);
    expect(r.cpts.find((c) => c.id === 'UNE')).toMatchObject({ composantes: 1, parties: 1, enclaves: [] });
    expect(r.cpts.find((c) => c.id === 'PDL-44-ERDRE-ET-CENS')!.enclaves).toEqual([{ communes: ['44035'], population: pop(['44035']) }]);
    expect(r.methode).toMatch(/partiellement/);
  });

  it('counts communes without own polygon through their container (L’Oie and Sainte-Florence in a Vendée CPTS)', () => {
    const cpts: CptsRecord[] = [{ id: 'V', name: 'CPTS V', status: 'ACI signé', demo: false, communes: ['85084', '85165', '85212'].map((code) => ({ code, coverage: 'entière' as const })) }];
    const r = cptsReport(F.topo, F.table, dep('85'), cpts);
    expect(r.population.couverte).toBe(pop(['85084', '85165', '85212']));
    expect(r.cpts[0]).toMatchObject({ composantes: 1, parties: 1 });
  });
});
