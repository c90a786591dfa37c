/**
 * Région, département and EPCI rows: populations and commune counts summed from the commune
 * rows, checked against sums taken independently from the COG list (and from the contour file
 * when it carries populations), plus the official contours of départements and régions.
 */
import type { CogLists } from '../../server/src/ingest/cog-lists';
import type { ContourFeature } from '../../server/src/ingest/contours';
import { envelopeOf, timeZoneOf } from '../../server/src/geo/france-extent';
import { validateGeometry } from '../../server/src/geo/validate-geometry';
import { assertNoProblems } from './invariant-error';
import type { CommuneRow } from './communes-table';

export interface RegionRow { code: string; nom: string; zone: string; chef_lieu: string; population: number; communes: number; contour: string | null }
export interface DepartementRow extends RegionRow { region: string; time_zone: string }
export interface EpciRow { code: string; nom: string; type: string; population: number; communes: number; departements: string[] }

function sumBy<T>(items: T[], key: (t: T) => string | null, value: (t: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + value(item));
  }
  return out;
}

/** Checks that each département's population is the sum of its communes, from three angles. */
export function checkPopulations(cog: CogLists, rows: CommuneRow[], communeContours: ContourFeature[]): void {
  const inScope = new Set(rows.map((r) => r.code));
  const fromCog = sumBy(cog.communes.filter((c) => inScope.has(c.code)), (c) => c.departement, (c) => c.population);
  const fromRows = sumBy(rows, (r) => r.departement, (r) => r.population);
  const contourPops = communeContours.filter((f) => inScope.has(f.code) && typeof f.properties.population === 'number');
  const fromContours = sumBy(contourPops, (f) => (f.properties.dep ?? f.properties.departement) as string, (f) => f.properties.population as number);
  // Communes without own polygon are absent from the contour file: compare on the communes it has.
  const withContour = new Set(contourPops.map((f) => f.code));
  const cogOfContoured = sumBy(cog.communes.filter((c) => withContour.has(c.code)), (c) => c.departement, (c) => c.population);
  const problems: string[] = [];
  for (const [dep, expected] of fromCog) {
    const got = fromRows.get(dep) ?? 0;
    if (got !== expected) problems.push(`département ${dep} : ${got} habitants dans la table des communes, ${expected} dans le COG`);
  }
  for (const [dep, got] of fromContours) {
    const expected = cogOfContoured.get(dep) ?? 0;
    if (got !== expected) {
      problems.push(`la population du département ${dep} selon les contours (${got}) n'est pas la somme de ses communes au COG (${expected})`);
    }
  }
  assertNoProblems('population des départements', problems);
}

function officialContours(features: ContourFeature[], codes: Set<string>, rule: string, envelope: (code: string) => ReturnType<typeof envelopeOf>) {
  const out = new Map<string, string>();
  const problems: string[] = [];
  for (const f of features) {
    if (!codes.has(f.code)) continue;
    for (const p of validateGeometry(f.geometry, envelope(f.code))) problems.push(`${f.code} : ${p}`);
    out.set(f.code, JSON.stringify(f.geometry));
  }
  for (const code of codes) if (!out.has(code)) problems.push(`${code} : contour officiel absent`);
  assertNoProblems(rule, problems);
  return out;
}

export function territoryRows(cog: CogLists, rows: CommuneRow[], depContours: ContourFeature[], regContours: ContourFeature[]) {
  const pop = (key: (r: CommuneRow) => string | null) => sumBy(rows, key, (r) => r.population);
  const count = (key: (r: CommuneRow) => string | null) => sumBy(rows, key, () => 1);
  const depPop = pop((r) => r.departement);
  const depCount = count((r) => r.departement);
  const regPop = pop((r) => r.region);
  const regCount = count((r) => r.region);
  const epciPop = pop((r) => r.epci);
  const epciCount = count((r) => r.epci);

  const depCodes = new Set(depCount.keys());
  const regCodes = new Set(regCount.keys());
  const depContour = officialContours(depContours, depCodes, 'contours officiels des départements', (c) => envelopeOf(c));
  const drom = (reg: string) => cog.departements.find((d) => d.region === reg)?.code ?? 'metro';
  const regContour = officialContours(regContours, regCodes, 'contours officiels des régions', (c) => envelopeOf(drom(c)));

  const departements: DepartementRow[] = cog.departements
    .filter((d) => depCodes.has(d.code))
    .map((d) => ({
      code: d.code, nom: d.nom, region: d.region, zone: d.zone, chef_lieu: d.chefLieu, time_zone: timeZoneOf(d.code),
      population: depPop.get(d.code)!, communes: depCount.get(d.code)!, contour: depContour.get(d.code) ?? null,
    }));
  const regions: RegionRow[] = cog.regions
    .filter((r) => regCodes.has(r.code))
    .map((r) => ({
      code: r.code, nom: r.nom, zone: r.zone, chef_lieu: r.chefLieu,
      population: regPop.get(r.code)!, communes: regCount.get(r.code)!, contour: regContour.get(r.code) ?? null,
    }));
  const depsOfEpci = new Map<string, Set<string>>();
  for (const r of rows) if (r.epci) (depsOfEpci.get(r.epci) ?? depsOfEpci.set(r.epci, new Set()).get(r.epci)!).add(r.departement);
  const epci: EpciRow[] = cog.epci
    .filter((e) => epciCount.has(e.code))
    .map((e) => ({
      code: e.code, nom: e.nom, type: e.type, population: epciPop.get(e.code)!, communes: epciCount.get(e.code)!,
      departements: [...depsOfEpci.get(e.code)!].sort(),
    }));
  return { departements, regions, epci };
}
