/**
 * A seeded FINESS extraction in the exact Etalab layout, for the import benchmarks and the tests
 * of the national load: one `structureet` and (mostly) one `geolocalisation` record per
 * establishment, in real communes of the database, placed at their label point and projected as
 * FINESS does (Lambert 93, UTM overseas). A quarter are kept categories (MSP, centres de santé,
 * CPTS, MMG, hospitals). Most carry a telephone, in the ranges ARCEP reserves for fiction
 * (01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98 xx xx: never a real line), and the
 * SIRET, APE, tariff and dates fields a real record fills, so that lines weigh what real ones do.
 */
import iconv from 'iconv-lite';
import { fromWgs84, projectionForDepartement } from '../../../server/src/ingest/finess-projection';
import { seededRandom } from '../harness';

export interface SyntheticCommune { code: string; departement: string; lon: number; lat: number }

const OVERSEAS: Record<string, string> = { '971': '9A', '972': '9B', '973': '9C', '974': '9D', '976': '9F' };
/** [code, label, share of establishments, kept?] */
const CATEGORIES: [string, string, number, boolean][] = [
  ['603', 'Maison de santé (L.6223-3)', 0.08, true],
  ['124', 'Centre de Santé', 0.07, true],
  ['604', 'Communautés professionnelles territoriales de santé (CPTS)', 0.03, true],
  ['000', 'Maison médicale de garde (MMG)', 0.01, true],
  ['355', 'Centre Hospitalier (C.H.)', 0.04, true],
  ['365', 'Etablissement de Soins Pluridisciplinaire', 0.02, true],
  ['620', "Pharmacie d'Officine", 0.3, false],
  ['500', "Etablissement d'hébergement pour personnes âgées dépendantes", 0.2, false],
  ['611', 'Laboratoire de Biologie Médicale', 0.1, false],
  ['189', 'Centre Médico-Psycho-Pédagogique (C.M.P.P.)', 0.15, false],
];

export interface SyntheticFile { bytes: Buffer; establishments: number; kept: number; withoutPosition: number }

const FICTION_RANGES = ['019900', '026191', '035301', '046571', '053649', '063998'];

export interface SyntheticOptions {
  /** The banner's extraction date (default 2026-05-12). */
  date?: string;
}

export function syntheticFiness(communes: SyntheticCommune[], count: number, seed = 1, { date = '2026-05-12' }: SyntheticOptions = {}): SyntheticFile {
  const random = seededRandom(seed);
  const structures: string[] = [];
  const geos: string[] = [];
  let kept = 0;
  let withoutPosition = 0;
  for (let i = 0; i < count; i++) {
    const c = communes[Math.floor(random() * communes.length)]!;
    let r = random();
    const category = CATEGORIES.find(([, , share]) => (r -= share) < 0) ?? CATEGORIES[CATEGORIES.length - 1]!;
    const dep = OVERSEAS[c.departement] ?? c.departement;
    const et = `${c.departement.slice(0, 2)}${String(i).padStart(7, '0')}`;
    const name = `${category[0] === '603' ? 'MAISON DE SANTÉ' : 'ÉTABLISSEMENT'} N° ${i}`;
    const phone = random() < 0.85 ? `${FICTION_RANGES[i % FICTION_RANGES.length]}${String(Math.floor(random() * 10_000)).padStart(4, '0')}` : '';
    structures.push([
      'structureet', et, et, name.slice(0, 38), name, '', '', String(1 + (i % 200)), 'R', 'DE LA RÉPUBLIQUE', '', '', c.code.slice(2), dep, 'DEPARTEMENT',
      `${c.code.slice(0, 2)}${String(i % 1000).padStart(3, '0')} COMMUNE DE L'ÉTABLISSEMENT`, phone, '', category[0], category[1], '0000', 'Agrégat de catégories',
      String(10_000_000_000_000 + i), '8621Z', '03', 'ARS établissements Publics de santé dotation globale', '1', 'Etablissement public de santé',
      '1990-01-01', '1990-01-01', '2026-05-04', '',
    ].join(';'));
    if (category[3]) kept++;
    if (random() < 0.01) {
      if (category[3]) withoutPosition++;
      continue;
    }
    const projection = projectionForDepartement(c.departement);
    const [x, y] = fromWgs84(c.lon, c.lat, projection);
    geos.push(`geolocalisation;${et};${x.toFixed(1)};${y.toFixed(1)};1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,${projection};2026-05-04`);
  }
  const text = [`finess;etalab;111;${date}`, ...structures, ...geos].join('\n') + '\n';
  return { bytes: iconv.encode(text, 'windows-1252'), establishments: count, kept, withoutPosition };
}
