/**
 * The official inputs of one millésime: where each comes from online, where it sits in the
 * mirror (`GEODATA_MIRROR`, laid out as ../shared/geodata-src), and its name in the cache.
 */
export interface SourceFile {
  /** Name inside the cache folder of the millésime; `.gz` is appended when the origin is gzipped. */
  cacheName: string;
  /** Official URL (online mode). */
  url?: string;
  /** Path in the npm package `@etalab/decoupage-administratif` (online mode, COG lists). */
  npmPath?: string;
  /** Path inside the mirror folder. */
  mirrorPath: string;
  /** Optional inputs may be absent (online mode has no list of communes without polygon). */
  optional?: boolean;
  producer: string;
  licence: string;
}

/** Curated public lists of the care offer (mirror only: no official file exists; see curated/README.md). */
export const CURATED_FILES = [
  'README.md', 'finess_msp_cds_mmg_dep31.csv', 'cpts.csv', 'cpts_communes.csv', 'mmg.csv', 'urgences_sites.csv',
  'sas_departements.csv', 'protocoles_cooperation_snp.csv', 'msp_reunion_france_sante_partiel.csv',
] as const;

const ETALAB = 'https://etalab-datasets.geo.data.gouv.fr/contours-administratifs';
const COG_PRODUCER = 'INSEE, Code officiel géographique ; DGCL (EPCI) ; via @etalab/decoupage-administratif';
const IGN_PRODUCER = 'IGN ADMIN EXPRESS COG, via Etalab contours-administratifs';

/** Version of `@etalab/decoupage-administratif` that carries each COG millésime (its README). */
export const DECOUPAGE_VERSIONS: Record<number, string> = { 2026: '6.0.0', 2025: '5.3.0', 2024: '4.1.0', 2023: '3.1.1' };

export function sourceFiles(millesime: number): SourceFile[] {
  const cog = (name: string, mirrorGz: boolean): SourceFile => ({
    cacheName: `cog/${name}.json`,
    npmPath: `data/${name}.json`,
    mirrorPath: `cog-${millesime}-decoupage-administratif/${name}.json${mirrorGz ? '.gz' : ''}`,
    producer: COG_PRODUCER,
    licence: 'Licence Ouverte 2.0',
  });
  return [
    cog('communes', true),
    cog('departements', false),
    cog('regions', false),
    cog('epci', true),
    {
      cacheName: 'contours/communes.geojson',
      url: `${ETALAB}/${millesime}/geojson/communes-100m.geojson.gz`,
      mirrorPath: `communes-cog${millesime}/communes_fr_cog${millesime}.geojson.gz`,
      producer: IGN_PRODUCER,
      licence: 'Licence Ouverte 2.0',
    },
    {
      cacheName: 'contours/communes-sans-polygone.json',
      mirrorPath: `communes-cog${millesime}/communes_cog${millesime}_without_own_polygon.json`,
      optional: true,
      producer: 'geodata-src : communes rétablies après 2023, sans polygone propre',
      licence: 'Licence Ouverte 2.0',
    },
    {
      cacheName: 'contours/departements.geojson',
      url: `${ETALAB}/${millesime}/geojson/departements-1000m.geojson.gz`,
      mirrorPath: 'etalab-contours-1000m/departements-1000m.geojson',
      producer: IGN_PRODUCER,
      licence: 'Licence Ouverte 2.0',
    },
    {
      cacheName: 'contours/regions.geojson',
      url: `${ETALAB}/${millesime}/geojson/regions-1000m.geojson.gz`,
      mirrorPath: 'etalab-contours-1000m/regions-1000m-dissolved.geojson',
      producer: IGN_PRODUCER,
      licence: 'Licence Ouverte 2.0',
    },
    ...CURATED_FILES.map((name): SourceFile => ({
      cacheName: `curated/${name}`,
      mirrorPath: `curated/${name}`,
      optional: true,
      producer: 'geodata-src/curated : listes publiques de l\'offre de soins (FINESS via Koumoul, ARS, Assurance maladie, presse), une source par ligne',
      licence: 'Licence Ouverte 2.0 (FINESS) ; faits publics cités avec leur source',
    })),
  ];
}
