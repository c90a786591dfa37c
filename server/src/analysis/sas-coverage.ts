/**
 * SAS coverage at a date: a SAS serves a whole département, so the population covered is that of
 * the départements whose SAS runs on that day (status « opérationnel » or « pilote » — a pilot is
 * a SAS in service — and a start date on or before the day). A start date known only to the
 * month or year that contains the day is « incertain » and not counted; a running SAS with no
 * start date is counted and flagged. Every SAS regulates general practice, so « médecine
 * générale » is implied for a running SAS; other filières count from their own date.
 *
 * Known vs not known: a département without any SAS row is « non renseigné » (no source loaded
 * for it: absence of data is not absence of SAS). Shares are computed on the départements whose
 * SAS is known alone (`renseignee`), and are null when none is.
 */
import type { CommuneRef, SasRecord } from './inputs';
import { periodOf, startedBy } from './partial-date';
import { compareCodes, compareNames } from './compare';

export const GENERAL_PRACTICE = 'médecine générale';

export interface SasDepartement {
  code: string;
  nom: string;
  region: string;
  population: number;
  statut: SasRecord['status'] | 'aucune donnée';
  debut: string | null;
  etat: 'couvert' | 'non couvert' | 'incertain' | 'non renseigné';
  dateInconnue: boolean;
  filieres: string[];
  demo: boolean;
}

export interface SasCoverage {
  date: string;
  /** `renseignee`: population of the départements with a SAS row, on which `part` is computed; `nonRenseignee`: the others. */
  population: { totale: number; couverte: number; incertaine: number; renseignee: number; nonRenseignee: number; part: number | null };
  regions: { code: string; nom: string; population: number; couverte: number; renseignee: number; part: number | null }[];
  france: { population: number; couverte: number; renseignee: number; part: number | null; partDuTerritoire: number | null };
  /** « 2 départements renseignés sur 5 ; 3 départements non renseignés » */
  completude: { departementsRenseignes: number; departementsNonRenseignes: string[]; phrase: string };
  departements: SasDepartement[];
  filieres: { filiere: string; population: number; part: number | null }[];
  donneesDemonstration: boolean;
}

export interface SasCoverageInput {
  territory: CommuneRef[];
  all: CommuneRef[];
  sas: SasRecord[];
  names: { departements: Map<string, string>; regions: Map<string, string> };
  /** ISO day (YYYY-MM-DD). */
  date: string;
}

const share = (a: number, b: number) => (b > 0 ? a / b : null);

function stateOf(sas: SasRecord | undefined, day: string): { etat: SasDepartement['etat']; dateInconnue: boolean } {
  if (!sas) return { etat: 'non renseigné', dateInconnue: false };
  if (sas.status !== 'opérationnel' && sas.status !== 'pilote') return { etat: 'non couvert', dateInconnue: false };
  const period = periodOf(sas.startDate);
  if (!period) return { etat: 'couvert', dateInconnue: true };
  const started = startedBy(period, day);
  return { etat: started === 'oui' ? 'couvert' : started === 'non' ? 'non couvert' : 'incertain', dateInconnue: false };
}

function filieresOf(sas: SasRecord, day: string): string[] {
  const list = new Set<string>([GENERAL_PRACTICE]);
  for (const f of sas.filieres) {
    const p = periodOf(f.since);
    if (!p || startedBy(p, day) === 'oui') list.add(f.filiere);
  }
  return [...list].sort(compareNames);
}

export function sasCoverage({ territory, all, sas, names, date }: SasCoverageInput): SasCoverage {
  const byDep = new Map(sas.map((s) => [s.departement, s]));
  const states = new Map<string, ReturnType<typeof stateOf>>();
  const state = (dep: string) => states.get(dep) ?? states.set(dep, stateOf(byDep.get(dep), date)).get(dep)!;
  const depPop = new Map<string, { region: string; population: number }>();
  for (const c of territory) {
    const d = depPop.get(c.departement) ?? depPop.set(c.departement, { region: c.region, population: 0 }).get(c.departement)!;
    d.population += c.population;
  }
  const departements: SasDepartement[] = [...depPop].sort(([a], [b]) => compareCodes(a, b)).map(([code, d]) => {
    const s = byDep.get(code);
    const st = state(code);
    return {
      code, nom: names.departements.get(code) ?? code, region: d.region, population: d.population,
      statut: s?.status ?? 'aucune donnée', debut: s?.startDate ?? null, etat: st.etat, dateInconnue: st.dateInconnue,
      filieres: s && st.etat === 'couvert' ? filieresOf(s, date) : [], demo: s?.demo ?? false,
    };
  });
  const sum = (keep: (d: SasDepartement) => boolean) => departements.filter(keep).reduce((s, d) => s + d.population, 0);
  const total = sum(() => true);
  const covered = sum((d) => d.etat === 'couvert');
  const uncertain = sum((d) => d.etat === 'incertain');
  const known = sum((d) => d.etat !== 'non renseigné');
  const regionTotals = new Map<string, { population: number; couverte: number; renseignee: number }>();
  let francePop = 0;
  let franceCovered = 0;
  let franceKnown = 0;
  const touched = new Set(departements.map((d) => d.region));
  for (const c of all) {
    francePop += c.population;
    const etat = state(c.departement).etat;
    const on = etat === 'couvert';
    if (on) franceCovered += c.population;
    if (etat !== 'non renseigné') franceKnown += c.population;
    if (!touched.has(c.region)) continue;
    const r = regionTotals.get(c.region) ?? regionTotals.set(c.region, { population: 0, couverte: 0, renseignee: 0 }).get(c.region)!;
    r.population += c.population;
    if (on) r.couverte += c.population;
    if (etat !== 'non renseigné') r.renseignee += c.population;
  }
  const missing = departements.filter((d) => d.etat === 'non renseigné').map((d) => d.code);
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  const filiereTotals = new Map<string, number>();
  for (const d of departements) for (const f of d.filieres) filiereTotals.set(f, (filiereTotals.get(f) ?? 0) + d.population);
  return {
    date,
    population: { totale: total, couverte: covered, incertaine: uncertain, renseignee: known, nonRenseignee: total - known, part: share(covered, known) },
    regions: [...regionTotals].sort(([a], [b]) => compareCodes(a, b)).map(([code, r]) => ({
      code, nom: names.regions.get(code) ?? code, population: r.population, couverte: r.couverte, renseignee: r.renseignee, part: share(r.couverte, r.renseignee),
    })),
    france: { population: francePop, couverte: franceCovered, renseignee: franceKnown, part: share(franceCovered, franceKnown), partDuTerritoire: share(covered, francePop) },
    completude: {
      departementsRenseignes: departements.length - missing.length,
      departementsNonRenseignes: missing,
      phrase: `${plural(departements.length - missing.length, 'département renseigné', 'départements renseignés')} sur ${departements.length}`
        + (missing.length > 0 ? ` ; ${plural(missing.length, 'département non renseigné', 'départements non renseignés')}` : ''),
    },
    departements,
    filieres: [...filiereTotals].sort(([a], [b]) => compareNames(a, b)).map(([filiere, population]) => ({ filiere, population, part: share(population, known) })),
    donneesDemonstration: departements.some((d) => d.demo),
  };
}
