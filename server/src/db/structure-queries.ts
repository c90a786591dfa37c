/** Structures of the care offer (MSP, centres de santé, MMG, emergency sites…) for the API. */
import { listValue } from '@duckdb/node-api';
import type { Database } from './connection';
import type { SnpFlag, StructureKind } from './care-schema';

export interface StructureFilter {
  kinds?: string[];
  departement?: string;
  region?: string;
  bbox?: [number, number, number, number];
  /** Include demonstration rows. */
  demo: boolean;
}

export interface StructureRow {
  id: string;
  kind: StructureKind;
  cdsSubtype: string | null;
  finessCategory: string | null;
  finessCategoryLabel: string | null;
  finessEt: string | null;
  finessEj: string | null;
  name: string;
  address: string | null;
  /** Telephone as the source writes it (FINESS: 10 digits), null when unknown. */
  telephone: string | null;
  commune: string;
  communeNom: string;
  departement: string;
  lon: number;
  lat: number;
  precision: string;
  openingHours: string | null;
  acceptsSnp: SnpFlag;
  hostSuId: string | null;
  hostSuName: string | null;
  visitsPerYear: number | null;
  visitsYear: number | null;
  note: string | null;
  source: string;
  sourceDate: string | null;
  demo: boolean;
  importId: string | null;
}

export function listStructures(db: Database, f: StructureFilter): Promise<StructureRow[]> {
  const [minLon, minLat, maxLon, maxLat] = f.bbox ?? [null, null, null, null];
  return db.all<StructureRow>(
    `SELECT s.id, s.kind, s.cds_subtype AS cdsSubtype, s.finess_category AS finessCategory,
            s.finess_category_label AS finessCategoryLabel, s.finess_et AS finessEt, s.finess_ej AS finessEj, s.name, s.address, s.telephone,
            s.commune, c.nom AS communeNom, c.departement, s.lon, s.lat, s.location_precision AS precision,
            s.opening_hours AS openingHours, s.accepts_snp AS acceptsSnp, s.host_su_id AS hostSuId, h.name AS hostSuName,
            s.visits_per_year AS visitsPerYear, s.visits_year AS visitsYear, s.note, s.source, s.source_date AS sourceDate, s.demo, s.import_id AS importId
     FROM structures s JOIN communes c ON c.code = s.commune
     LEFT JOIN structures h ON h.id = s.host_su_id AND ($demo OR NOT h.demo)
     WHERE ($demo OR NOT s.demo)
       AND ($kinds IS NULL OR list_contains($kinds, s.kind))
       AND ($departement IS NULL OR c.departement = $departement)
       AND ($region IS NULL OR c.region = $region)
       AND ($minLon IS NULL OR (s.lon BETWEEN $minLon AND $maxLon AND s.lat BETWEEN $minLat AND $maxLat))
     ORDER BY s.kind, s.id`,
    {
      demo: f.demo, kinds: f.kinds && f.kinds.length > 0 ? listValue(f.kinds) : null, departement: f.departement ?? null, region: f.region ?? null,
      minLon, minLat, maxLon, maxLat,
    },
  );
}
