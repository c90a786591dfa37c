/**
 * The plain records every analysis takes: communes of the reference geography and the care
 * offer, as loaded from the database (or built by a test). No analysis reads the database itself.
 */
import type { StructureKind } from '../db/care-schema';

export interface CommuneRef {
  code: string;
  nom: string;
  departement: string;
  region: string;
  epci: string | null;
  population: number;
  /** Label point (pole of inaccessibility), WGS84. Contained communes carry their parent's. */
  lon: number;
  lat: number;
  /** Commune whose polygon contains this one when it has no polygon of its own. */
  containedIn: string | null;
  areaKm2: number | null;
  /**
   * For an arrondissement municipal (a sub-communal unit a CPTS list may name: 13201…), the commune it
   * divides (13055); absent for a commune. Such units are in `CommuneTable.byCode`, never in `list`.
   */
  arrondissementOf?: string | null;
}

/** « non renseigné »: the source gives no status, or FINESS alone does not say it (db/care-schema.ts). */
export type CptsStatus = 'pré-projet' | 'projet de santé' | 'ACI signé' | 'non renseigné';

export interface CptsRecord {
  id: string;
  name: string;
  status: CptsStatus;
  /** Date of the status (possibly partial: YYYY-MM, YYYY), null when the source gives none. */
  statusDate?: string | null;
  demo: boolean;
  communes: { code: string; coverage: 'entière' | 'partielle' }[];
  /** Where a CPTS without communes is (its seat's commune, else its département): it is known there, covers nothing. */
  seatCommune?: string | null;
  departement?: string | null;
}

/** The kinds of structure of the care schema (types only: no SQL reaches the analyses). */
export type OfferKind = StructureKind;

export interface StructureRecord {
  id: string;
  kind: OfferKind;
  name: string;
  commune: string;
  departement: string;
  lon: number;
  lat: number;
  openingHours: string | null;
  acceptsSnp: 'oui' | 'non' | 'inconnu';
  hostSuId: string | null;
  /** SU: emergency visits in a year (SAE), null unknown. */
  visitsPerYear?: number | null;
  demo: boolean;
}

export type SasStatus = 'opérationnel' | 'en préparation' | 'pilote' | 'aucun';

export interface SasRecord {
  departement: string;
  status: SasStatus;
  /** ISO date, possibly partial: YYYY-MM-DD, YYYY-MM or YYYY. */
  startDate: string | null;
  demo: boolean;
  filieres: { filiere: string; since: string | null }[];
}

export interface ProtocolRecord {
  id: string;
  title: string;
  concernsSnp: boolean;
  demo: boolean;
}

export interface DeploymentRecord {
  id: string;
  protocolId: string;
  structureId: string | null;
  cptsId: string | null;
  demo: boolean;
}

/** Communes of the database indexed by code, with territory names for labels. */
export interface CommuneTable {
  /** The communes (each counted once: arrondissements are not in it). */
  list: CommuneRef[];
  /** Communes and arrondissements municipaux by code. */
  byCode: Map<string, CommuneRef>;
  /** The arrondissements municipaux of each commune divided into some (75056, 69123, 13055). */
  arrondissements: Map<string, CommuneRef[]>;
  names: { regions: Map<string, string>; departements: Map<string, string>; epci: Map<string, string> };
}

export function communeTable(list: CommuneRef[], names: CommuneTable['names'], arrondissements: CommuneRef[] = []): CommuneTable {
  const byCode = new Map<string, CommuneRef>();
  const byCommune = new Map<string, CommuneRef[]>();
  for (const c of [...list, ...arrondissements]) {
    if (byCode.has(c.code)) throw new Error(`communeTable : code commune en double (${c.code})`);
    byCode.set(c.code, c);
  }
  for (const a of arrondissements) {
    if (!a.arrondissementOf || !byCode.has(a.arrondissementOf)) throw new Error(`communeTable : arrondissement ${a.code} sans sa commune`);
    (byCommune.get(a.arrondissementOf) ?? byCommune.set(a.arrondissementOf, []).get(a.arrondissementOf)!).push(a);
  }
  return { list, byCode, arrondissements: byCommune, names };
}

/** Code of the polygon that carries a commune's territory: its own, or its container's. */
export const geometryCodeOf = (c: CommuneRef) => c.containedIn ?? c.code;
