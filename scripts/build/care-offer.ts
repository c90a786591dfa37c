/**
 * The embedded default care offer, built offline from the cached curated lists (issue « offre de
 * soins »): real rows wherever a public source exists, each with its source and date, and a
 * demonstration scenario (source « démonstration », demo = true) where real data is missing —
 * draft CPTS territories of Haute-Garonne and protocol deployments. Restricted to the build's
 * scope (régions). Empty (demonstration apart) when the cache holds no curated list.
 */
import type { CommuneRow } from './communes-table';
import type { TableRows } from './write-outputs';
import { CARE_SPECS } from '../../server/src/db/care-schema';
import type { CommuneTopology } from '../../server/src/geo/commune-topology';
import { checkPositions } from './care-default/check-positions';
import { readCuratedLists } from './care-default/curated-files';
import { defaultCpts } from './care-default/default-cpts';
import { defaultProtocols } from './care-default/default-protocols';
import { defaultSas } from './care-default/default-sas';
import { defaultEmergencySites } from './care-default/default-emergency-sites';
import { defaultStructures } from './care-default/default-structures';
import { demoCpts } from './care-default/demo-cpts';
import { demoDeployments } from './care-default/demo-deployments';
import type { Row } from './care-default/care-rows';

export interface CareOfferInput {
  cacheDir: string;
  communes: CommuneRow[];
  /** EPCI names (demonstration territories are named after them). */
  epci?: { code: string; nom: string }[];
  /** Commune topology (demonstration territories merge neighbouring EPCI). */
  topology?: CommuneTopology;
  /** Old commune code → current code (COG passage table), for the SAE's COG 2021 codes. */
  passage?: Map<string, string>;
}

export function careOfferTables(input: CareOfferInput): TableRows {
  const tables: Record<string, Row[]> = Object.fromEntries(CARE_SPECS.map((s) => [s.name, []]));
  const communes = new Map(input.communes.map((c) => [c.code, c]));
  const departements = new Set(input.communes.map((c) => c.departement));
  const lists = readCuratedLists(input.cacheDir);
  if (lists) {
    const emergency = defaultEmergencySites({ cacheDir: input.cacheDir, communes, passage: input.passage ?? new Map(), handListed: lists.urgences });
    tables.structures = defaultStructures(lists, { communes }, emergency);
    const cpts = defaultCpts(lists, { communes }, departements);
    tables.cpts = cpts.cpts;
    tables.cpts_communes = cpts.communes;
    tables.sas = defaultSas(lists, departements);
    tables.protocols = defaultProtocols(lists);
    checkPositions(tables.structures, communes);
  }
  if (input.topology && input.epci) {
    const demo = demoCpts({ communes: input.communes, epciNames: new Map(input.epci.map((e) => [e.code, e.nom])), topology: input.topology });
    tables.cpts!.push(...demo.cpts);
    tables.cpts_communes!.push(...demo.communes);
    tables.protocol_deployments = demoDeployments(tables.structures!, demo.cpts, tables.protocols!);
  }
  return tables;
}
