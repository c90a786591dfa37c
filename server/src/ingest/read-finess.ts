/**
 * Reader of the national FINESS extraction (`etalab-cs1100507-stock-*.csv`): bytes → the
 * establishments the application keeps (MSP, centres de santé, CPTS, MMG, hospitals) with their
 * WGS84 position, and every problem at its line, in French. Pure: no database, no file system.
 * Commune codes are returned as written (old codes are translated by the import service).
 */
import type { StructureKind } from '../db/care-schema';
import { cdsSubtypeOf, type CdsSubtype } from './cds-subtype';
import { decodeText, type TextEncoding } from './decode-text';
import { scanRecords } from './delimited-text';
import { kindOfCategory } from './finess-categories';
import { communeCodeOf, departementOf, ET, FINESS_BANNER, FINESS_ET, GEO, GEOLOCALISATION_MIN_FIELDS, inScope, STRUCTUREET_MIN_FIELDS } from './finess-layout';
import { projectionOf, toWgs84, type FinessProjection } from './finess-projection';
import { FileFormatError, type LineIssue } from './line-issue';
import { fileIssues, type FileIssues, type IssueList } from './issue-list';
import { sniffWrongFile } from './sniff-file';

export interface FinessPosition { lon: number; lat: number; projection: FinessProjection; line: number }

export interface FinessEstablishment {
  line: number;
  finessEt: string;
  finessEj: string | null;
  name: string;
  address: string | null;
  /** INSEE code as the file writes it (département + 3 digits); may be an old code. */
  commune: string;
  departement: string;
  category: string;
  categoryLabel: string;
  kind: StructureKind;
  cdsSubtype: CdsSubtype | null;
  telephone: string | null;
  updatedOn: string | null;
  /** null when the establishment has no usable geolocation record. */
  position: FinessPosition | null;
}

export interface FinessReading {
  /** Extraction date written in the banner `finess;etalab;<n>;<date>`. */
  extractionDate: string | null;
  encoding: TextEncoding;
  establishments: FinessEstablishment[];
  rejects: IssueList;
  warnings: IssueList;
  counts: { structureet: number; geolocalisation: number; kept: number; otherCategories: number; outOfScope: number; withoutPosition: number };
}

const clean = (s: string | undefined) => {
  const v = (s ?? '').trim();
  return v.length > 0 ? v : null;
};

function addressOf(f: string[]): string | null {
  const street = [f[ET.numvoie], f[ET.compvoie], f[ET.typvoie], f[ET.voie]].map(clean).filter(Boolean).join(' ');
  const parts = [street, clean(f[ET.lieuditbp]), clean(f[ET.ligneacheminement])].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

function checkBanner(text: string): string | null {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length).replace(/\r$/, '');
  if (/^finess,etalab/i.test(firstLine)) {
    throw new FileFormatError('Séparateur « , » : l\'extraction FINESS Etalab utilise « ; » (le fichier a-t-il été réenregistré par un tableur ?). Importez le fichier tel que téléchargé.');
  }
  const banner = FINESS_BANNER.exec(firstLine);
  if (banner) return banner[1] ?? null;
  if (firstLine.startsWith('structureet;')) return null; // banner removed: read on, said in a warning
  throw new FileFormatError(
    `Ce n'est pas une extraction FINESS Etalab : la première ligne devrait commencer par « finess;etalab; » (lu : « ${firstLine.slice(0, 60)} »). ` +
      'Attendu : le fichier etalab-cs1100507-stock-….csv de data.gouv.fr (établissements géolocalisés).',
  );
}

/** What this reader reads, named as a user finds it on data.gouv.fr. */
export const FINESS_EXPECTED =
  'l\'extraction FINESS Etalab : le fichier etalab-cs1100507-stock-AAAAMMJJ-HHMM.csv (CSV « ; ») du jeu « FINESS Extraction du Fichier des établissements » de data.gouv.fr';

/** The other FINESS formats a user may have, recognised by their first byte (finess-format-ansforge). */
const FINESS_HINTS = {
  json: 'le nouveau flux FINESS de l\'ANS, finess-structures-journalier-AAAAMMJJ.json ? Ce format n\'est pas encore lu',
  xml: 'l\'ancienne extraction FINESS en XML ? Elle n\'est plus lue',
};

/** `issues`: where the problems go (bounded lists, optionally written out as found: issue-list.ts). */
export function readFiness(bytes: Uint8Array, issues: FileIssues = fileIssues()): FinessReading {
  const wrong = sniffWrongFile(bytes, 'csv', FINESS_EXPECTED, FINESS_HINTS);
  if (wrong) throw new FileFormatError(wrong);
  const { text, encoding } = decodeText(bytes);
  const extractionDate = checkBanner(text);
  const { rejects, warnings } = issues;
  if (extractionDate === null) warnings.push({ line: 1, message: 'bannière « finess;etalab;… » absente : date d\'extraction inconnue' });
  const counts = { structureet: 0, geolocalisation: 0, kept: 0, otherCategories: 0, outOfScope: 0, withoutPosition: 0 };
  const establishments: FinessEstablishment[] = [];
  const seen = new Map<string, number>();
  const geo = new Map<string, { line: number; x: string; y: string; source: string }>();
  let otherRecords = 0;

  const end = scanRecords(text, ';', ({ line, fields: f }) => {
    const type = f[0];
    if (type === 'structureet') {
      counts.structureet++;
      if (f.length < STRUCTUREET_MIN_FIELDS) {
        rejects.push({ line, ref: clean(f[1]) ?? undefined, message: `enregistrement structureet incomplet (${f.length} champs au lieu de ${STRUCTUREET_MIN_FIELDS + 1}) : fichier tronqué ?` });
        return;
      }
      const rawDep = f[ET.departement]!.trim();
      const departement = departementOf(rawDep);
      if (departement === null || !inScope(departement)) {
        if (/^(9[A-Z]|9[78]\d)$/.test(rawDep)) counts.outOfScope++;
        else rejects.push({ line, ref: f[ET.nofinesset], message: `département « ${rawDep} » illisible` });
        return;
      }
      const category = f[ET.categetab]!.trim();
      const categoryLabel = f[ET.libcategetab]!.trim();
      const kind = kindOfCategory(category, categoryLabel);
      if (kind === null) {
        counts.otherCategories++;
        return;
      }
      const finessEt = f[ET.nofinesset]!.trim();
      if (!FINESS_ET.test(finessEt)) {
        rejects.push({ line, ref: finessEt, message: `numéro FINESS « ${finessEt} » invalide (9 caractères attendus)` });
        return;
      }
      const previous = seen.get(finessEt);
      if (previous !== undefined) {
        rejects.push({ line, ref: finessEt, message: `numéro FINESS ${finessEt} en double (déjà ligne ${previous})` });
        return;
      }
      seen.set(finessEt, line);
      const commune = f[ET.commune]!.trim();
      if (!/^\d{3}$/.test(commune)) {
        rejects.push({ line, ref: finessEt, message: `code commune « ${commune} » invalide (3 chiffres attendus)` });
        return;
      }
      const rs = clean(f[ET.rs]);
      const rsLongue = clean(f[ET.rslongue]);
      counts.kept++;
      establishments.push({
        line, finessEt, finessEj: clean(f[ET.nofinessej]), name: rsLongue ?? rs ?? finessEt, address: addressOf(f),
        commune: communeCodeOf(departement, commune), departement, category, categoryLabel, kind,
        cdsSubtype: kind === 'CDS' ? cdsSubtypeOf(rs, rsLongue) : null,
        telephone: clean(f[ET.telephone]), updatedOn: clean(f[ET.datemaj]), position: null,
      });
    } else if (type === 'geolocalisation') {
      counts.geolocalisation++;
      if (f.length < GEOLOCALISATION_MIN_FIELDS) {
        rejects.push({ line, ref: clean(f[1]) ?? undefined, message: `enregistrement geolocalisation incomplet (${f.length} champs au lieu de ${GEOLOCALISATION_MIN_FIELDS + 1}) : fichier tronqué ?` });
        return;
      }
      const et = f[GEO.nofinesset]!.trim();
      if (geo.has(et)) warnings.push({ line, ref: et, message: `deuxième géolocalisation de ${et} ignorée (première ligne ${geo.get(et)!.line})` });
      else geo.set(et, { line, x: f[GEO.coordxet]!.trim(), y: f[GEO.coordyet]!.trim(), source: f[GEO.sourcecoordet]!.trim() });
    } else if (line > 1) {
      otherRecords++;
    }
  });
  if (end.unclosedQuoteLine !== null) rejects.push({ line: end.unclosedQuoteLine, message: 'guillemet ouvert jamais refermé jusqu\'à la fin du fichier : fichier tronqué ?' });
  if (counts.structureet === 0) {
    throw new FileFormatError(`Aucun enregistrement « structureet » : ce n'est pas une extraction FINESS Etalab${otherRecords > 0 ? ` (${otherRecords} lignes d'un autre type)` : ''}.`);
  }
  if (counts.geolocalisation === 0) {
    throw new FileFormatError(
      'Aucun enregistrement « geolocalisation » : c\'est sans doute l\'extraction non géolocalisée (etalab-cs1100502) ou un fichier tronqué. ' +
        'Importez etalab-cs1100507-stock-….csv (établissements géolocalisés).',
    );
  }
  if (end.endsWithoutNewline) warnings.push({ line: 0, message: 'le fichier ne se termine pas par un saut de ligne : vérifiez qu\'il est complet' });

  const unplaced = new Set<string>();
  for (const e of establishments) {
    const g = geo.get(e.finessEt);
    if (!g || (g.x === '' && g.y === '')) {
      counts.withoutPosition++;
      warnings.push({ line: e.line, ref: e.finessEt, message: `${e.finessEt} sans géolocalisation : placé au point de sa commune` });
      continue;
    }
    const x = Number(g.x.replace(',', '.'));
    const y = Number(g.y.replace(',', '.'));
    const projection = projectionOf(g.source);
    if (g.x === '' || g.y === '' || !Number.isFinite(x) || !Number.isFinite(y)) {
      rejects.push({ line: g.line, ref: e.finessEt, message: `coordonnées illisibles pour ${e.finessEt} (« ${g.x} », « ${g.y} »)` });
      unplaced.add(e.finessEt);
    } else if (projection === null) {
      rejects.push({ line: g.line, ref: e.finessEt, message: `système de coordonnées inconnu pour ${e.finessEt} : « ${g.source} »` });
      unplaced.add(e.finessEt);
    } else {
      const [lon, lat] = toWgs84(x, y, projection);
      e.position = { lon, lat, projection, line: g.line };
    }
  }
  return { extractionDate, encoding, establishments: establishments.filter((e) => !unplaced.has(e.finessEt)), rejects, warnings, counts };
}
