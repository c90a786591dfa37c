/**
 * Reader of the INSEE Code officiel géographique lists as shipped by the npm package
 * `@etalab/decoupage-administratif` (communes, départements, régions, EPCI), in one folder,
 * each file as `<name>.json` or `<name>.json.gz`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile } from '../lib/gzip-json';

export type Zone = 'metro' | 'drom' | 'com';

export interface CogCommune {
  code: string;
  nom: string;
  departement: string;
  region: string;
  zone: Zone;
  epci: string | null;
  population: number;
  codesPostaux: string[];
}

export interface CogDepartement { code: string; nom: string; region: string; chefLieu: string; zone: Zone }
export interface CogRegion { code: string; nom: string; chefLieu: string; zone: Zone }
export interface CogEpci { code: string; nom: string; type: string; membres: string[] }

/** One row of the old → current code table (`relation` says why the old code exists). */
export interface CogPassage {
  oldCode: string;
  code: string;
  relation: 'ancien_code' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  oldNom: string | null;
}

/** An arrondissement municipal of Paris, Lyon or Marseille: a sub-communal unit with its own population. */
export interface CogArrondissement {
  code: string;
  nom: string;
  /** The commune it divides (75056, 69123, 13055). */
  commune: string;
  population: number;
  codesPostaux: string[];
}

export interface CogLists {
  /** Current communes of métropole and the 5 DROM (COM excluded). */
  communes: CogCommune[];
  arrondissements: CogArrondissement[];
  departements: CogDepartement[];
  regions: CogRegion[];
  epci: CogEpci[];
  passage: CogPassage[];
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  zone?: Zone;
  departement?: string;
  region?: string;
  population?: number;
  codesPostaux?: string[];
  anciensCodes?: string[];
  chefLieu?: string;
  commune?: string;
}

function findFile(dir: string, name: string): string {
  for (const candidate of [`${name}.json`, `${name}.json.gz`]) {
    const path = join(dir, candidate);
    if (existsSync(path)) return path;
  }
  throw new Error(`Fichier COG manquant : ${join(dir, name)}.json(.gz)`);
}

/** Reads the four COG lists of `dir` and derives the passage table. */
export function readCogLists(dir: string): CogLists {
  const raw = readJsonFile<RawCommune[]>(findFile(dir, 'communes'));
  const epciRaw = readJsonFile<{ code: string; nom: string; type: string; membres: { code: string }[] }[]>(
    findFile(dir, 'epci'),
  );
  const departements = readJsonFile<CogDepartement[]>(findFile(dir, 'departements'));
  const regions = readJsonFile<CogRegion[]>(findFile(dir, 'regions'));

  const epciOf = new Map<string, string>();
  for (const e of epciRaw) for (const m of e.membres) epciOf.set(m.code, e.code);

  const communes: CogCommune[] = [];
  for (const c of raw) {
    // Collectivités d'outre-mer (COM) are outside the scope: métropole + 5 DROM.
    if (c.type !== 'commune-actuelle' || c.zone === 'com') continue;
    if (!c.departement || !c.region || !c.zone || typeof c.population !== 'number') {
      throw new Error(`Commune ${c.code} incomplète dans la liste COG (département, région, zone ou population absent)`);
    }
    communes.push({
      code: c.code,
      nom: c.nom,
      departement: c.departement,
      region: c.region,
      zone: c.zone,
      epci: epciOf.get(c.code) ?? null,
      population: c.population,
      codesPostaux: [...(c.codesPostaux ?? [])].sort(),
    });
  }
  const arrondissements: CogArrondissement[] = raw
    .filter((c) => c.type === 'arrondissement-municipal' && c.commune && typeof c.population === 'number')
    .map((c) => ({ code: c.code, nom: c.nom, commune: c.commune!, population: c.population!, codesPostaux: [...(c.codesPostaux ?? [])].sort() }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    communes,
    arrondissements,
    departements,
    regions,
    epci: epciRaw.map((e) => ({ code: e.code, nom: e.nom, type: e.type, membres: e.membres.map((m) => m.code) })),
    passage: derivePassage(raw),
  };
}

/**
 * Old codes that now belong to a current commune: `anciensCodes` of current communes, communes
 * déléguées and associées (through `chefLieu`) and municipal arrondissements (through `commune`).
 * A code that is still a current commune's code is never an old code. Same table as the
 * mirror's `passage_old_to_cog2026.csv` (checked by a test).
 */
export function derivePassage(raw: RawCommune[]): CogPassage[] {
  const current = new Set(raw.filter((c) => c.type === 'commune-actuelle').map((c) => c.code));
  const rows = new Map<string, CogPassage>();
  const add = (row: CogPassage) => {
    if (current.has(row.oldCode) || rows.has(row.oldCode)) return;
    rows.set(row.oldCode, row);
  };
  // Named relations first (they carry the old name), then the bare `anciensCodes`.
  for (const c of raw) {
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu) {
      add({ oldCode: c.code, code: c.chefLieu, relation: c.type, oldNom: c.nom });
    } else if (c.type === 'arrondissement-municipal' && c.commune) {
      add({ oldCode: c.code, code: c.commune, relation: 'arrondissement-municipal', oldNom: c.nom });
    }
  }
  for (const c of raw) {
    if (c.type !== 'commune-actuelle') continue;
    for (const old of c.anciensCodes ?? []) add({ oldCode: old, code: c.code, relation: 'ancien_code', oldNom: null });
  }
  return [...rows.values()].sort((a, b) => a.oldCode.localeCompare(b.oldCode));
}
