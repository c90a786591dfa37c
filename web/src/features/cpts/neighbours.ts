/** From the neighbourhood of a perimeter: the neighbouring CPTS and the zones blanches along its border. */
import type { Neighbourhood } from './api/get-neighbourhood';

export interface NeighbourCpts {
  id: string;
  nom: string;
  statut: string;
  demonstration: boolean;
  /** Bordering communes this CPTS lists. */
  communes: string[];
}

export function neighbouringCpts(n: Neighbourhood, self: string): NeighbourCpts[] {
  const byId = new Map<string, NeighbourCpts>();
  for (const v of n.voisines) {
    for (const p of v.cpts) {
      if (p.id === self) continue;
      const entry = byId.get(p.id) ?? byId.set(p.id, { id: p.id, nom: p.nom, statut: p.statut, demonstration: p.demonstration, communes: [] }).get(p.id)!;
      entry.communes.push(v.nom);
    }
  }
  return [...byId.values()].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
}

/** Bordering communes in no CPTS, where the département's CPTS list is complete: zones blanches. */
export const holesAlongBorder = (n: Neighbourhood) => n.voisines.filter((v) => v.cpts.length === 0 && v.listeCptsComplete);

/** Bordering communes in no CPTS known, where the list is not complete: « non renseigné », not zones blanches. */
export const unknownAlongBorder = (n: Neighbourhood) => n.voisines.filter((v) => v.cpts.length === 0 && !v.listeCptsComplete);
