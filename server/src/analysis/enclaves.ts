/**
 * Zones blanches enclosed by covered communes (Vauvenargues amid the CPTS du Pays d'Aix and of the
 * Var): zones blanches like the others, and listed as such — the hole a CPTS map shows and a
 * delegate looks for first. A zone blanche is enclosed when every arc of its boundary (topology) is
 * shared with a commune some CPTS retained lists: a commune on the coast, at the national border or
 * at the edge of the geography built shares part of its boundary with none, and is not enclosed.
 * Neighbours may lie outside the territory analysed (the CPTS of a neighbouring département count).
 */
import { arcOwners } from '../geo/bordering';
import type { LoadedTopology } from '../geo/topology-store';
import { compareCodes, compareNames } from './compare';
import type { CptsOfUnit } from './cpts-coverage';
import type { CommuneTable } from './inputs';

export interface EnclosedZoneBlanche {
  code: string;
  nom: string;
  departement: string;
  population: number;
  /** The communes around it, all covered. */
  voisines: string[];
  /** The CPTS of those communes. */
  cpts: { id: string; nom: string }[];
}

export function enclosedZonesBlanches(
  topo: LoadedTopology,
  table: CommuneTable,
  zonesBlanches: readonly { code: string; nom: string; departement: string; population: number }[],
  cptsOfUnit: CptsOfUnit,
): EnclosedZoneBlanche[] {
  if (zonesBlanches.length === 0) return [];
  const owners = arcOwners(topo);
  // A neighbour counted by arrondissement is covered when each of its arrondissements is.
  const cptsAround = (code: string) => {
    const direct = cptsOfUnit(code);
    if (direct.length > 0) return direct;
    const parts = table.arrondissements.get(code) ?? [];
    const lists = parts.map((a) => cptsOfUnit(a.code));
    return parts.length > 0 && lists.every((l) => l.length > 0) ? lists.flat() : [];
  };
  const out: EnclosedZoneBlanche[] = [];
  for (const z of zonesBlanches) {
    const o = topo.index.get(z.code);
    if (!o) continue; // an arrondissement or a commune without polygon of its own
    const neighbours = new Set<string>();
    let enclosed = true;
    const polygons = o.type === 'Polygon' ? [o.arcs] : o.arcs;
    for (const rings of polygons) for (const ring of rings) for (const ref of ring) {
      const others = (owners.get(ref >= 0 ? ref : ~ref) ?? []).filter((code) => code !== z.code);
      if (others.length === 0) enclosed = false;
      for (const other of others) neighbours.add(other);
    }
    if (!enclosed || neighbours.size === 0) continue;
    const around = [...neighbours].map(cptsAround);
    if (around.some((l) => l.length === 0)) continue;
    const cpts = new Map(around.flat().map((c) => [c.id, { id: c.id, nom: c.nom }]));
    out.push({
      ...z, voisines: [...neighbours].sort(compareCodes),
      cpts: [...cpts.values()].sort((a, b) => compareNames(a.nom, b.nom) || compareCodes(a.id, b.id)),
    });
  }
  return out.sort((a, b) => compareCodes(a.code, b.code));
}
