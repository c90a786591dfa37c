/**
 * The official inputs of one millésime: where each comes from online, where it sits in the
 * mirror (`GEODATA_MIRROR`, laid out as ../shared/geodata-src), and its name in the cache.
 */
import { finessBannerDate } from '../../server/src/ingest/finess-layout';

export interface SourceFile {
  /** Name inside the cache folder of the millésime; `.gz` is appended when the origin is gzipped. */
  cacheName: string;
  /** Official URL (online mode). */
  url?: string;
  /** Path in the npm package `@etalab/decoupage-administratif` (online mode, COG lists). */
  npmPath?: string;
  /** Path inside the mirror folder. */
  mirrorPath: string;
  /**
   * For a file published under a dated name: `mirrorPath` is a folder and the newest file of it
   * (by name) matching this pattern is taken.
   */
  mirrorPattern?: RegExp;
  /** Optional inputs may be absent from the mirror (online mode has no list of communes without polygon). */
  optional?: boolean;
  /** The file's own date, read from its first bytes, recorded in sources.json with its original name. */
  dateOf?: (head: Uint8Array) => string | null;
  producer: string;
  licence: string;
}

/**
 * The national FINESS extraction, « établissements géolocalisés » (etalab-cs1100507-stock-*.csv), by
 * the stable address of its data.gouv.fr resource: it answers with the latest file of the dataset
 * « FINESS Extraction du Fichier des établissements », republished about every two months.
 */
export const FINESS_LATEST_URL = 'https://www.data.gouv.fr/fr/datasets/r/98f3161f-79ff-4f16-8f6a-6d571a80fea2';
export const FINESS_CACHE_NAME = 'finess/etalab-cs1100507-stock.csv';
const FINESS_SOURCE: SourceFile = {
  cacheName: FINESS_CACHE_NAME,
  url: FINESS_LATEST_URL,
  mirrorPath: 'finess-etalab',
  mirrorPattern: /^etalab-cs1100507-stock-.*\.csv(\.gz)?$/i,
  optional: true,
  producer: 'Ministère chargé de la santé (DREES), FINESS : extraction nationale du Fichier des établissements sanitaires et sociaux, établissements géolocalisés (Etalab, data.gouv.fr)',
  licence: 'Licence Ouverte 2.0',
  dateOf: finessBannerDate,
};

/** Curated public lists of the care offer (mirror only: no official file exists; see curated/README.md). */
export const CURATED_FILES = [
  'README.md', 'finess_msp_cds_mmg_dep31.csv', 'cpts.csv', 'cpts_communes.csv', 'mmg.csv', 'urgences_sites.csv',
  'sas_departements.csv', 'protocoles_cooperation_snp.csv', 'msp_reunion_france_sante_partiel.csv',
] as const;

/** Official indicators of the baromètre de l'action publique (barometre-action-publique/PROVENANCE.md). */
export const BAROMETRE_INDICATORS = ['311', '312', '318', '587', '589', '679'] as const;
const BAROMETRE_COMMIT = '8bab813aa2926e9293cd85d3ac8c35ed74604347';
const BAROMETRE = `https://raw.githubusercontent.com/DITP-pilotage/barometre-resultats/${BAROMETRE_COMMIT}`;

/** DREES SAE 2021 emergency bases (drees-sae-2021-urgences/PROVENANCE.md) and the FINESS coordinates of hospitals. */
const SAE = 'https://raw.githubusercontent.com/taniki/notebooks/199697973bf42f3cdde3852881b621668b3b46b0/finess/datasets/'
  + 'SAE%202021%20Bases%20statistiques%20-%20formats%20SAS-CSV/Bases%20statistiques/Bases%20CSV';
const GISCO_FR = 'https://raw.githubusercontent.com/eurostat/basic-services/f200d0ce0af43a0353ea0f229e1e770a2be26f8d/data/healthcare/csv/FR.csv';

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
    ...BAROMETRE_INDICATORS.map((n): SourceFile => ({
      cacheName: `barometre/ind-${n}.csv`,
      url: `${BAROMETRE}/data/ind-${n}.csv`,
      mirrorPath: `barometre-action-publique/ind-${n}.csv`,
      optional: true,
      producer: 'DITP, Baromètre des résultats de l\'action publique (gouvernement.fr)',
      licence: 'Licence Ouverte 2.0',
    })),
    ...(['meta_indicateurs', 'meta_chantiers'] as const).map((name): SourceFile => ({
      cacheName: `barometre/${name}.csv`,
      url: `${BAROMETRE}/metadata/${name}.csv`,
      mirrorPath: `barometre-action-publique/${name}.csv`,
      optional: true,
      producer: 'DITP, Baromètre des résultats de l\'action publique (gouvernement.fr)',
      licence: 'Licence Ouverte 2.0',
    })),
    ...(['URGENCES2_2021r', 'ID_2021r'] as const).map((name): SourceFile => ({
      cacheName: `sae-2021/${name}.csv`,
      url: `${SAE}/${name}.csv`,
      mirrorPath: `drees-sae-2021-urgences/${name}.csv`,
      optional: true,
      producer: 'DREES, Statistique annuelle des établissements de santé (SAE) 2021, bases statistiques',
      licence: 'Licence Ouverte 2.0',
    })),
    {
      cacheName: 'gisco/FR.csv',
      url: GISCO_FR,
      mirrorPath: 'eurostat-healthcare-fr-2020/FR.csv',
      optional: true,
      producer: 'Eurostat GISCO, Healthcare services in Europe (d\'après FINESS 2020-03)',
      licence: 'réutilisation avec attribution « © Eurostat GISCO ; source FINESS »',
    },
    FINESS_SOURCE,
    ...CURATED_FILES.map((name): SourceFile => ({
      cacheName: `curated/${name}`,
      mirrorPath: `curated/${name}`,
      optional: true,
      producer: 'geodata-src/curated : listes publiques de l\'offre de soins (FINESS via Koumoul, ARS, Assurance maladie, presse), une source par ligne',
      licence: 'Licence Ouverte 2.0 (FINESS) ; faits publics cités avec leur source',
    })),
  ];
}
