/**
 * The CPTS coverage as the map draws it, compactly. The export's layers (cpts-report.ts,
 * `cptsLayers`) carry « non renseigné » as one dissolved polygon: for France, the outline of
 * nearly every département, ~0.55 MB of the 0.6 MB answer. The map needs less:
 * - a département of the territory none of whose communes has a CPTS and whose CPTS list is not
 *   complete is grey as a whole: its code is enough (`departementsNonRenseignes`), the map fills
 *   it from the départements of the boundary tiles, whose borders are the communes' own;
 * - only the other « non renseigné » communes (in a département with some CPTS, or cut by the
 *   territory) keep a dissolved polygon, so the CPTS stay holes in the grey;
 * - communes covered only in part (Nantes) come as polygons of their own (`partielle`), so that
 *   the map needs no commune tile to draw them;
 * - coordinates are rounded to 5 decimals (~1 m), finer than the commune tiles (≥ 19 m a unit);
 * - a city counted by arrondissement (coverage-units.ts) has no arrondissement contour: it is drawn
 *   once, whole, as covered in part (`partielle`, id the city's code), and its arrondissements are in
 *   no other layer — not eight CPTS each drawn as the whole of Marseille, nor a zone blanche over it.
 * The grey drawn is the same set of communes as the export's `non_renseigne` layer (tested).
 */
import type { LoadedTopology } from '../geo/topology-store';
import type { CptsReport } from './cpts-report';
import type { CommuneRef, CommuneTable, CptsRecord } from './inputs';
import { perimeter, type PerimeterFeature } from './perimeter';

export type CptsMapLayer = 'cpts' | 'zone_blanche' | 'chevauchement' | 'non_renseigne' | 'partielle';

export interface CptsMapFeature {
  layer: CptsMapLayer;
  id: string;
  nom: string;
  feature: PerimeterFeature;
}

export interface CptsMapLayers {
  /** Départements entirely « non renseigné » within the territory, drawn whole. */
  departementsNonRenseignes: string[];
  layers: CptsMapFeature[];
}

const MAP_DECIMALS = 5;

export function cptsMapLayers(topo: LoadedTopology, table: CommuneTable, territory: readonly CommuneRef[], report: CptsReport, cpts: CptsRecord[]): CptsMapLayers {
  const shape = (codes: string[]) => perimeter(topo, table, codes, { decimals: MAP_DECIMALS });
  const inTerritory = new Map<string, number>();
  for (const c of territory) inTerritory.set(c.departement, (inTerritory.get(c.departement) ?? 0) + 1);
  const inFrance = new Map<string, number>();
  for (const c of table.list) inFrance.set(c.departement, (inFrance.get(c.departement) ?? 0) + 1);
  const notKnownByDep = new Map<string, string[]>();
  const drawable = (code: string) => !table.byCode.get(code)?.arrondissementOf;
  const splitCities = new Map<string, number>();
  for (const c of report.parCommune) {
    if (c.arrondissementDe) splitCities.set(c.arrondissementDe, (splitCities.get(c.arrondissementDe) ?? 0) + 1);
    if (c.etat !== 'non_renseigne' || c.arrondissementDe) continue;
    (notKnownByDep.get(c.departement) ?? notKnownByDep.set(c.departement, []).get(c.departement)!).push(c.code);
  }
  const whole: string[] = [];
  const rest: string[] = [];
  for (const [dep, codes] of [...notKnownByDep].sort(([a], [b]) => a.localeCompare(b))) {
    if (codes.length === inTerritory.get(dep) && codes.length === inFrance.get(dep)) whole.push(dep);
    else rest.push(...codes);
  }
  const byId = new Map(cpts.map((c) => [c.id, c]));
  const layers: CptsMapFeature[] = [
    ...report.cpts.map((e) => ({ layer: 'cpts' as const, id: e.id, nom: e.nom, feature: shape(byId.get(e.id)!.communes.map((m) => m.code).filter((c) => table.byCode.has(c) && drawable(c))) })),
    { layer: 'zone_blanche', id: 'zones-blanches', nom: 'Zones blanches (aucune CPTS)', feature: shape(report.zonesBlanches.map((z) => z.code).filter(drawable)) },
    { layer: 'chevauchement', id: 'chevauchements', nom: 'Communes dans plusieurs CPTS', feature: shape(report.chevauchements.map((z) => z.code).filter(drawable)) },
    { layer: 'non_renseigne', id: 'non-renseigne', nom: 'Non renseigné (liste des CPTS non déclarée complète)', feature: shape(rest) },
    ...report.partielles.filter((p) => drawable(p.code)).map((p) => ({ layer: 'partielle' as const, id: p.code, nom: p.nom, feature: shape([p.code]) })),
    ...[...splitCities].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => ({
      layer: 'partielle' as const, id: code, nom: `${table.byCode.get(code)?.nom ?? code} (${n} arrondissements, comptés un à un)`, feature: shape([code]),
    })),
  ];
  return { departementsNonRenseignes: whole, layers: layers.filter((l) => l.feature.geometry.coordinates.length > 0) };
}
