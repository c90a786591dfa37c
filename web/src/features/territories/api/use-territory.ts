/** Name, extent and départements of the chosen territory, from the région and département lists. */
import { useDepartements, type DepartementSummary } from './list-departements';
import { useRegions } from './list-regions';
import type { Territory } from '../../../lib/territory';

export interface TerritoryInfo {
  nom: string;
  /** « la région », « le département »… for sentences. */
  article: string;
  bbox: [number, number, number, number] | null;
  population: number | null;
  /** Départements inside the territory (all of France for France). */
  departements: DepartementSummary[];
  regionCode: string | null;
  /** The next level down, for per-sub-territory charts: régions of France, départements of a région. */
  subTerritories: { code: string; nom: string; territory: string }[];
}

export const METROPOLE_BBOX: [number, number, number, number] = [-5.2, 41.3, 9.6, 51.1];

export function useTerritory(t: Territory) {
  const regions = useRegions();
  const departements = useDepartements();
  const isPending = regions.isPending || departements.isPending;
  const error = regions.error ?? departements.error;
  let info: TerritoryInfo | null = null;
  let unknown = false;
  if (regions.data && departements.data) {
    const deps = departements.data.departements;
    if (t.kind === 'france') {
      const population = regions.data.regions.reduce((s, r) => s + r.population, 0);
      const subTerritories = regions.data.regions.map((r) => ({ code: r.code, nom: r.nom, territory: `region:${r.code}` }));
      info = { nom: 'France', article: 'la France', bbox: METROPOLE_BBOX, population, departements: deps, regionCode: null, subTerritories };
    } else if (t.kind === 'region') {
      const r = regions.data.regions.find((x) => x.code === t.code);
      const inRegion = deps.filter((d) => d.region === t.code);
      const subTerritories = inRegion.map((d) => ({ code: d.code, nom: d.nom, territory: `departement:${d.code}` }));
      if (r) info = { nom: r.nom, article: `la région ${r.nom}`, bbox: r.bbox as TerritoryInfo['bbox'], population: r.population, departements: inRegion, regionCode: r.code, subTerritories };
      else unknown = true;
    } else {
      const d = deps.find((x) => x.code === t.code);
      if (d) info = { nom: d.nom, article: `le département ${d.nom} (${d.code})`, bbox: d.bbox as TerritoryInfo['bbox'], population: d.population, departements: [d], regionCode: d.region, subTerritories: [] };
      else unknown = true;
    }
  }
  return { info, isPending, error, unknown };
}
