/**
 * « Liste complète au <date> »: which départements' lists (CPTS, MMG, SNP offers) were declared
 * complete, and how a figure says on what it is computed. Absence means something only where the
 * list is complete: elsewhere a commune without a CPTS (an SU without MMG, a commune far from any
 * listed offer) is « non renseigné », never « zone blanche ». Pure.
 */
import type { CompleteList } from '../db/care-schema';
import type { CommuneRef } from './inputs';

export interface CompletenessRecord {
  departement: string;
  list: CompleteList;
  /** AAAA-MM-JJ: the day the list is complete at. */
  date: string;
  source: string;
  demo: boolean;
}

/** Département → day of its declaration, for one list. */
export type CompleteDepartements = ReadonlyMap<string, string>;

export function completeDepartements(records: CompletenessRecord[], list: CompleteList): Map<string, string> {
  return new Map(records.filter((r) => r.list === list).map((r) => [r.departement, r.date]));
}

export interface CompletenessSummary {
  liste: CompleteList;
  departementsComplets: { code: string; nom: string; date: string; population: number }[];
  departementsNonRenseignes: { code: string; nom: string; population: number }[];
  /** Population of the territory in départements whose list is complete. */
  populationRenseignee: number;
  populationNonRenseignee: number;
  /** « couverture calculée sur 1 département à liste complète (1 487 570 hab.) ; 100 départements non renseignés ». */
  phrase: string;
}

const n = (v: number) => v.toLocaleString('fr-FR');
const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

export function completenessSummary(
  territory: CommuneRef[], complete: CompleteDepartements, list: CompleteList, names: ReadonlyMap<string, string>, what = 'couverture calculée',
): CompletenessSummary {
  const population = new Map<string, number>();
  for (const c of territory) population.set(c.departement, (population.get(c.departement) ?? 0) + c.population);
  const codes = [...population.keys()].sort();
  const done = codes.filter((d) => complete.has(d)).map((code) => ({ code, nom: names.get(code) ?? code, date: complete.get(code)!, population: population.get(code)! }));
  const missing = codes.filter((d) => !complete.has(d)).map((code) => ({ code, nom: names.get(code) ?? code, population: population.get(code)! }));
  const renseignee = done.reduce((s, d) => s + d.population, 0);
  const nonRenseignee = missing.reduce((s, d) => s + d.population, 0);
  const phrase = done.length === 0
    ? `aucun département à liste complète : ${what} impossible, ${plural(missing.length, 'département non renseigné', 'départements non renseignés')}`
    : `${what} sur ${plural(done.length, 'département à liste complète', 'départements à liste complète')} (${n(renseignee)} hab.) ; ${plural(missing.length, 'département non renseigné', 'départements non renseignés')}`;
  return { liste: list, departementsComplets: done, departementsNonRenseignes: missing, populationRenseignee: renseignee, populationNonRenseignee: nonRenseignee, phrase };
}
