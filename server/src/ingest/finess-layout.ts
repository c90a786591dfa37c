/**
 * Layout of the national FINESS extraction published by Etalab (`etalab-cs1100507-stock-*.csv`,
 * « établissements géolocalisés »): no header row but a banner `finess;etalab;<n>;<date>`, then
 * `structureet` records and `geolocalisation` records, `;`-separated. Column order from the
 * format description etalab_cs1100507 (also read by public parsers: GuillaumePressiat/finess_etalab,
 * flrt/opendata-finess, data-fair/processing-finess).
 */
export const STRUCTUREET_FIELDS = [
  'nofinesset', 'nofinessej', 'rs', 'rslongue', 'complrs', 'compldistrib', 'numvoie', 'typvoie', 'voie', 'compvoie',
  'lieuditbp', 'commune', 'departement', 'libdepartement', 'ligneacheminement', 'telephone', 'telecopie', 'categetab',
  'libcategetab', 'categagretab', 'libcategagretab', 'siret', 'codeape', 'codemft', 'libmft', 'codesph', 'libsph',
  'dateouv', 'dateautor', 'datemaj', 'numuai',
] as const;
export type StructureetField = (typeof STRUCTUREET_FIELDS)[number];

/** Index of a field in a `structureet` record (index 0 is the record type). */
export const ET = Object.fromEntries(STRUCTUREET_FIELDS.map((f, i) => [f, i + 1])) as Record<StructureetField, number>;
/** Fields up to `datemaj` are always written; `numuai` (and the trailing `;`) may be absent. */
export const STRUCTUREET_MIN_FIELDS = ET.datemaj + 1;

export const GEOLOCALISATION_FIELDS = ['nofinesset', 'coordxet', 'coordyet', 'sourcecoordet', 'datemaj'] as const;
export const GEO = { nofinesset: 1, coordxet: 2, coordyet: 3, sourcecoordet: 4, datemaj: 5 } as const;
export const GEOLOCALISATION_MIN_FIELDS = GEO.sourcecoordet + 1;

/** FINESS writes overseas départements on two characters: 9A…9F. 975 (Saint-Pierre-et-Miquelon) is a COM. */
const OVERSEAS: Record<string, string> = { '9A': '971', '9B': '972', '9C': '973', '9D': '974', '9E': '975', '9F': '976' };
/** Départements of the application: métropole (01–95, 2A, 2B) and the five DROM. */
const IN_SCOPE = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[12346])$/;

/** INSEE département code of a FINESS département (9D → 974), or null when it is not one. */
export function departementOf(finessDep: string): string | null {
  const dep = OVERSEAS[finessDep] ?? finessDep;
  return /^(\d{2}|2[AB]|97\d)$/.test(dep) ? dep : null;
}

export const inScope = (departement: string) => IN_SCOPE.test(departement);

/** INSEE commune code: two first characters of the département + FINESS's 3-digit code (9D + 411 → 97411). */
export function communeCodeOf(departement: string, commune: string): string {
  return departement.slice(0, 2) + commune;
}

export const FINESS_ET = /^\d[\dAB]\d{7}$/;

/** The banner of an extraction, `finess;etalab;<n>;<date>`; group 1: its date (AAAA-MM-JJ), when written. */
export const FINESS_BANNER = /^finess;etalab;[^;]*;(\d{4}-\d{2}-\d{2})?/i;

/** The date an extraction's banner gives (read from its first bytes), or null when there is none. */
export function finessBannerDate(head: Uint8Array): string | null {
  const first = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 200)).toString('latin1').split(/\r?\n/)[0]!;
  return FINESS_BANNER.exec(first)?.[1] ?? null;
}
