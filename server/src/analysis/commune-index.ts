/**
 * The tile set's commune index: every commune code of the geography the tiles were cut from
 * (the build writes both from the same table), in code order (compare.ts). Per-commune values
 * for the map are sent as positions in it (lib/compact-states.ts, `IndexedStates`), the codes
 * once per tile set (GET /api/tiles/communes?v=…, cached for good by the browser).
 */
import { compareCodes } from './compare';
import type { CommuneTable } from './inputs';

const indexes = new WeakMap<CommuneTable, string[]>();

export function communeIndex(table: CommuneTable): string[] {
  let index = indexes.get(table);
  if (!index) indexes.set(table, (index = table.list.map((c) => c.code).sort(compareCodes)));
  return index;
}
