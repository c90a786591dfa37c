/**
 * Commune codes as files write them → current COG communes: current codes as they are, old codes
 * (merged, délégués, arrondissements) through the COG passage table, unknown codes refused. With
 * `keepArrondissements` (CPTS lists), an arrondissement municipal (13201) stays itself, a unit of its
 * commune (13055) with its own population: a city divided between CPTS by arrondissement is not each
 * CPTS's whole city.
 */
import type { Database } from '../db/connection';
import { arrondissementsByCode, communesByCode, passagesOf, type CommuneRef } from '../db/import-queries';

export interface ResolvedCommune {
  commune: CommuneRef;
  /** The old code and why it exists, when the file gave one. */
  translatedFrom: { code: string; relation: string; nom: string | null } | null;
  /** An arrondissement kept as such: the commune it divides (`commune.containedIn` too). */
  arrondissementOf?: { code: string; nom: string };
}

export interface CommuneResolver {
  get(code: string): ResolvedCommune | null;
  /** French reason for an unresolved code. */
  unknownMessage(code: string): string;
  /** French note for a translated code. */
  translationMessage(code: string): string;
}

/**
 * Codes looked up per statement: a national file names ~35 000 communes, and each answer is turned
 * into rows on the request thread (the preparation's reads: remote-reads.ts); 5 000 a time keeps that short.
 */
const LOOKUP = 5000;

async function communesOf(db: Database, codes: string[]): Promise<CommuneRef[]> {
  const out: CommuneRef[] = [];
  for (let i = 0; i < codes.length; i += LOOKUP) out.push(...(await communesByCode(db, codes.slice(i, i + LOOKUP))));
  return out;
}

export async function resolveCommunes(db: Database, codes: Iterable<string>, millesime: number, { keepArrondissements = false } = {}): Promise<CommuneResolver> {
  const wanted = [...new Set(codes)];
  const current = new Map((await communesOf(db, wanted)).map((c) => [c.code, c]));
  let missing = wanted.filter((c) => !current.has(c));
  const resolved = new Map<string, ResolvedCommune>();
  if (keepArrondissements) {
    for (const { commune, communeNom, ...unit } of await arrondissementsByCode(db, missing)) {
      resolved.set(unit.code, { commune: unit, translatedFrom: null, arrondissementOf: { code: commune, nom: communeNom } });
    }
    missing = missing.filter((c) => !resolved.has(c));
  }
  const passages = await passagesOf(db, missing);
  const targets = new Map((await communesOf(db, passages.map((p) => p.code))).map((c) => [c.code, c]));
  for (const [code, commune] of current) resolved.set(code, { commune, translatedFrom: null });
  for (const p of passages) {
    const commune = targets.get(p.code);
    if (commune) resolved.set(p.oldCode, { commune, translatedFrom: { code: p.oldCode, relation: p.relation, nom: p.oldNom } });
  }
  return {
    get: (code) => resolved.get(code) ?? null,
    unknownMessage: (code) => `commune ${code} inconnue du Code officiel géographique ${millesime} (ni code actuel, ni ancien code)`,
    translationMessage: (code) => {
      const r = resolved.get(code)!;
      const old = r.translatedFrom!;
      return `ancien code commune ${code}${old.nom ? ` (${old.nom})` : ''} traduit en ${r.commune.code} (${r.commune.nom}) : ${old.relation}`;
    },
  };
}
