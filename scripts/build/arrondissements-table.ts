/**
 * The arrondissements municipaux of the communes built (Paris, Lyon, Marseille), from the COG list: a
 * sub-communal unit each, with its population. Their populations must add up to their commune's
 * (the build stops otherwise: a CPTS list named by arrondissement would no longer add up). The
 * commune contours have no arrondissement, so none has a geometry of its own.
 */
import type { CogArrondissement } from '../../server/src/ingest/cog-lists';
import { assertNoProblems } from './invariant-error';

export interface ArrondissementRow { code: string; nom: string; commune: string; population: number; codes_postaux: string[]; geometry: string | null }

export function arrondissementRows(arrondissements: CogArrondissement[], communes: { code: string; population: number }[]): ArrondissementRow[] {
  const byCode = new Map(communes.map((c) => [c.code, c.population]));
  const kept = arrondissements.filter((a) => byCode.has(a.commune));
  const sums = new Map<string, number>();
  for (const a of kept) sums.set(a.commune, (sums.get(a.commune) ?? 0) + a.population);
  const problems = [...sums]
    .filter(([commune, sum]) => sum !== byCode.get(commune))
    .map(([commune, sum]) => `commune ${commune} : ${byCode.get(commune)} habitants au COG, ${sum} dans ses arrondissements municipaux`);
  assertNoProblems('population des arrondissements municipaux', problems);
  return kept.map((a) => ({ code: a.code, nom: a.nom, commune: a.commune, population: a.population, codes_postaux: a.codesPostaux, geometry: null }));
}
