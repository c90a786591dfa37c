/**
 * The embedded default care offer, built offline from the cached curated lists (issue « offre de
 * soins »). Placeholder until the importers land: every care table starts empty.
 */
import type { CommuneRow } from './communes-table';
import type { TableRows } from './write-outputs';
import { CARE_SPECS } from '../../server/src/db/care-schema';

export interface CareOfferInput {
  cacheDir: string;
  communes: CommuneRow[];
}

export function careOfferTables(_input: CareOfferInput): TableRows {
  return Object.fromEntries(CARE_SPECS.map((s) => [s.name, []]));
}
