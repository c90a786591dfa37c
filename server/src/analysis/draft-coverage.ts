/**
 * What a draft perimeter of a CPTS does to the CPTS coverage of each département it touches (its
 * official communes' and its draft's, by the communes' own département in the commune table): the
 * coverage computed as it is, then with the draft in place of the CPTS's communes — the same
 * analysis as /api/coverage/cpts (cpts-coverage.ts), so overlaps, other CPTS, status dates and
 * completeness count exactly as there. Where the département's CPTS list is not declared complete,
 * its share covered is not known (`part: null`), before as after; the population the draft brings
 * into (or takes out of) CPTS is still said.
 */
import { compareCodes } from './compare';
import type { CompleteDepartements } from './completeness';
import { cptsCoverage } from './cpts-coverage';
import type { CommuneTable, CptsRecord } from './inputs';

export interface CoverageFigures {
  couverte: number;
  totale: number;
  /** Share covered, computed on a département whose CPTS list is complete; null otherwise. */
  part: number | null;
}

export interface DraftDepartementEffect {
  departement: string;
  nom: string | null;
  listeComplete: boolean;
  avant: CoverageFigures;
  apres: CoverageFigures;
  /** Population covered after minus before (communes brought into or left out of every CPTS). */
  difference: number;
}

export function draftDepartementEffects(
  table: Pick<CommuneTable, 'list' | 'byCode' | 'names'>,
  cpts: readonly CptsRecord[],
  cptsId: string,
  draft: readonly string[],
  { complete, date }: { complete: CompleteDepartements; date: string },
): DraftDepartementEffect[] {
  const self = cpts.find((c) => c.id === cptsId);
  const official = new Map((self?.communes ?? []).map((m) => [m.code, m.coverage]));
  const draftCpts: CptsRecord | null = self ? { ...self, communes: draft.map((code) => ({ code, coverage: official.get(code) ?? 'entière' })) } : null;
  const withDraft = cpts.map((c) => (c.id === cptsId && draftCpts ? draftCpts : c));
  const touched = new Set<string>();
  for (const code of [...official.keys(), ...draft]) {
    const dep = table.byCode.get(code)?.departement;
    if (dep) touched.add(dep);
  }
  const figures = (list: readonly CptsRecord[], dep: string): CoverageFigures => {
    const p = cptsCoverage(table.list.filter((c) => c.departement === dep), table.byCode, [...list], { status: 'all', complete, date }).population;
    return { couverte: p.couverte, totale: p.totale, part: p.part };
  };
  return [...touched].sort(compareCodes).map((dep) => {
    const avant = figures(cpts, dep);
    const apres = figures(withDraft, dep);
    return { departement: dep, nom: table.names.departements.get(dep) ?? null, listeComplete: complete.has(dep), avant, apres, difference: apres.couverte - avant.couverte };
  });
}
