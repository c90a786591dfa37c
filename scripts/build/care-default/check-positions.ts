/**
 * Invariant of the default care offer: every structure's point lies in its commune's polygon (the
 * curated README says all 130 FINESS points do; commune-precision points are label points). The
 * build stops otherwise, naming each structure.
 */
import { contains } from '../../../server/src/geo/locate-point';
import type { Polygonal } from '../../../server/src/geo/validate-geometry';
import { assertNoProblems } from '../invariant-error';
import type { CommuneRow } from '../communes-table';
import type { Row } from './care-rows';

export function checkPositions(structures: Row[], communes: Map<string, CommuneRow>): void {
  const problems: string[] = [];
  const parsed = new Map<string, Polygonal>();
  for (const s of structures) {
    const commune = communes.get(s.commune as string);
    if (!commune) {
      problems.push(`${s.id} (${s.name}) : commune ${s.commune} absente du COG`);
      continue;
    }
    const holder = communes.get(commune.contained_in ?? commune.code)!;
    let shape = parsed.get(holder.code);
    if (!shape && holder.geometry) parsed.set(holder.code, (shape = JSON.parse(holder.geometry) as Polygonal));
    if (!shape || !contains(shape, s.lon as number, s.lat as number)) {
      problems.push(`${s.id} (${s.name}) : point (${s.lon}, ${s.lat}) hors de sa commune ${commune.code} (${commune.nom})`);
    }
  }
  assertNoProblems('positions des structures dans leur commune', problems);
}
