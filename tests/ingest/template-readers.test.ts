/**
 * The CSV templates (CPTS, MMG, emergency sites, deployments, SAS), read from the documented
 * example files and from damaged variants: separators, encodings, headers, widths, values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../server/src/ingest/line-issue';
import { readCptsCsv } from '../../server/src/ingest/read-cpts-csv';
import { readDeploymentsCsv } from '../../server/src/ingest/read-deployments-csv';
import { readSasCsv } from '../../server/src/ingest/read-sas-csv';
import { readMmgCsv, readSuCsv } from '../../server/src/ingest/read-sites-csv';
import { XLSX_BYTES } from '../helpers/finess-fixture';
import { REPO } from '../helpers/paths';

const example = (name: string) => readFileSync(join(REPO, 'docs/exemples', name));
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const formatError = (read: () => unknown) => {
  try {
    read();
  } catch (err) {
    if (err instanceof FileFormatError) return err.message;
    throw err;
  }
  return null;
};

describe('the CPTS template', () => {
  it('reads the example: 4 CPTS, the communes their sources name, Nantes partly covered', () => {
    const r = readCptsCsv(example('cpts.csv'));
    expect(r.rejects).toEqual([]);
    expect(r.separator).toBe(';');
    expect(r.cpts.map((c) => [c.id, c.communes.length])).toEqual([
      ['PDL-44-ERDRE-ET-CENS', 3], ['PDL-44-NANTES-GRAND-OUEST', 4], ['PDL-49-GRAND-SAUMUROIS', 0], ['REU-974-GRAND-SUD', 3],
    ]);
    const ngo = r.cpts[1]!;
    expect(ngo).toMatchObject({ name: 'CPTS Nantes Grand Ouest', status: 'ACI signé', statusDate: '2024-10-15', declaredPopulation: 175000, departement: '44' });
    expect(ngo.communes[0]).toEqual({ line: 5, code: '44109', coverage: 'partielle', coverageGiven: true, note: 'quartiers ouest' });
  });

  it('reads the same file saved by Excel: commas, Windows-1252, French headers with accents and spaces', () => {
    const text = 'Id CPTS,Nom,Statut,Date statut,Population déclarée,Commune INSEE,Couverture,Source\r\n'
      + 'X-1,CPTS de l\'Élorn,pré-projet,15/03/2024,"12 500",29075,,ARS Bretagne\r\n';
    const r = readCptsCsv(iconv.encode(text, 'windows-1252'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.separator).toBe(',');
    expect(r.cpts[0]).toMatchObject({ name: 'CPTS de l\'Élorn', status: 'pré-projet', statusDate: '2024-03-15', declaredPopulation: 12500 });
    expect(r.cpts[0]!.communes).toEqual([{ line: 2, code: '29075', coverage: 'entière', coverageGiven: false, note: null }]);
  });

  it('says which separator it expects when the file uses another one', () => {
    const piped = 'id_cpts|nom|statut|source\nX|CPTS X|ACI signé|ARS\n';
    expect(formatError(() => readCptsCsv(utf8(piped)))).toBe(
      'Séparateur non reconnu : le modèle « CPTS » attend des colonnes séparées par « ; » ou « , » (ou tabulation). '
      + 'En-tête lu : « id_cpts|nom|statut|source » ; en-tête attendu : « id_cpts;nom;statut;date_statut;population_declaree;siege_commune;siege_adresse;departement;territoire_texte;commune_insee;couverture;note;source;date_source ».',
    );
  });

  it('refuses a header without the required columns, an .xlsx workbook and a file of another template', () => {
    expect(formatError(() => readCptsCsv(utf8('id_cpts;nom;commune_insee\nX;Y;44109\n')))).toMatch(/^Colonne\(s\) obligatoire\(s\) absente\(s\) de l'en-tête : statut, source/);
    expect(formatError(() => readCptsCsv(XLSX_BYTES))).toMatch(/classeur Excel/);
    expect(formatError(() => readCptsCsv(example('sas.csv')))).toMatch(/^Colonne\(s\) obligatoire\(s\) absente\(s\)/);
    expect(formatError(() => readCptsCsv(utf8('id_cpts;nom;statut;source\n')))).toBe('Aucune ligne de données après l\'en-tête (le modèle « CPTS »).');
  });

  it('rejects at their lines: a truncated row, an unknown status, a conflicting repeat, a duplicate commune, a bad code', () => {
    const text = 'id_cpts;nom;statut;commune_insee;source\n'
      + 'A;CPTS A;ACI signé;44109;ARS\n'
      + 'A;CPTS A;projet de santé;44047;ARS\n'
      + 'A;CPTS A;ACI signé;44109;ARS\n'
      + 'B;CPTS B;signée;44162;ARS\n'
      + 'C;CPTS C;ACI signé;4410;ARS\n'
      + 'C;CPTS C;ACI signé;ABCDE;ARS\n'
      + 'D;CPTS D;ACI';
    const r = readCptsCsv(utf8(text));
    expect(r.rejects.map((x) => [x.line, x.message])).toEqual([
      [8, '3 colonne(s) au lieu de 5 : valeur contenant le séparateur sans guillemets, ou ligne tronquée ?'],
      [3, 'statut diffère de la ligne 2 pour la même CPTS A'],
      [4, 'commune 44109 en double pour la CPTS A (déjà ligne 2)'],
      [5, 'statut de CPTS « signée » inconnu (valeurs : pré-projet, projet de santé, ACI signé)'],
      [7, 'code commune INSEE « ABCDE » invalide (5 caractères, ex. 44109 ou 2A004)'],
    ]);
    // A 4-digit code is a code whose leading zero a spreadsheet removed.
    expect(r.cpts.find((c) => c.id === 'C')!.communes[0]!.code).toBe('04410');
  });
});

describe('the site templates', () => {
  it('reads the MMG example: hours in OSM syntax or written the French way, converted', () => {
    const r = readMmgCsv(example('mmg.csv'));
    expect(r.rejects).toEqual([]);
    expect(r.sites.map((s) => [s.name, s.openingHours])).toEqual([
      ['Maison médicale de garde de Bouaye (CAPS)', 'Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00'],
      ['Maison médicale de garde d\'Alès', 'Mo-Fr 20:00-24:00; Sa 09:00-24:00; Su,PH 08:00-24:00'],
      ['MMG COLOMIERS', null],
      ['MMG de Saint-Denis', null],
    ]);
    expect(r.sites[1]).toMatchObject({ adossee: 'oui', acceptsSnp: 'oui', sourceDate: '2020-05' });
    expect(r.sites[2]).toMatchObject({ finessEt: '310036256', commune: '31149', position: null });
  });

  it('rejects unreadable hours and coordinates given in metres', () => {
    const text = 'nom;commune_insee;longitude;latitude;horaires;source\n'
      + 'MMG A;44018;;;lundi 20h;ARS\n'
      + 'MMG B;44018;352000;6690000;;ARS\n'
      + 'MMG C;44018;-1.6;;;ARS\n';
    const r = readMmgCsv(utf8(text));
    expect(r.rejects.map((x) => x.line)).toEqual([2, 3, 4]);
    expect(r.rejects[0]!.message).toMatch(/^horaires illisibles \(syntaxe OpenStreetMap opening_hours attendue/);
    expect(r.rejects[1]!.message).toBe('coordonnées (352000, 6690000) hors des degrés : des mètres (Lambert 93) ? Donnez longitude et latitude WGS84');
    expect(r.rejects[2]!.message).toMatch(/ou aucun des deux$/);
  });

  it('stores hours in the normalised OSM form and says what it corrected', () => {
    const r = readMmgCsv(utf8('nom;commune_insee;horaires;source\nMMG A;44018;Mo-Fr 20h-24h;ARS\n'));
    expect(r.sites[0]!.openingHours).toBe('Mo-Fr 20:00-24:00');
    expect(r.warnings).toEqual([{ line: 2, ref: 'MMG A', message: 'horaires « Mo-Fr 20h-24h » lus comme « Mo-Fr 20:00-24:00 »' }]);
  });

  it('reads the emergency sites example with its status as note', () => {
    const r = readSuCsv(example('urgences.csv'));
    expect(r.sites).toHaveLength(7);
    expect(r.sites.find((s) => s.commune === '44003')).toMatchObject({ openingHours: 'Mo-Su 08:30-17:00', note: 'urgences fermées la nuit (17h-8h30) depuis le 10 février 2023' });
  });
});

describe('the deployment and SAS templates', () => {
  it('reads deployments in a structure or a CPTS, and refuses a row with two places', () => {
    expect(readDeploymentsCsv(example('deploiements.csv')).deployments.map((d) => [d.protocol, d.finessEt ?? d.cptsId])).toEqual([
      ['SNP-ODYNOPHAGIE', '310025945'], ['SNP-POLLAKIURIE', '310025945'], ['SNP-POLLAKIURIE', 'REU-974-GRAND-SUD'],
    ]);
    const r = readDeploymentsCsv(utf8('protocole;finess_et;id_cpts;source\nSNP-LOMBALGIE;310025945;REU-974-GRAND-SUD;ARS\n'));
    expect(r.rejects).toEqual([{ line: 2, ref: 'SNP-LOMBALGIE', message: 'donnez exactement un lieu de déploiement : finess_et, id_structure ou id_cpts' }]);
  });

  it('reads SAS by département with their filières and maps the usual wordings of the status', () => {
    const r = readSasCsv(example('sas.csv'));
    expect(r.sas.map((s) => [s.departement, s.status, s.startDate, s.filieres.map((f) => f.filiere)])).toEqual([
      ['31', 'opérationnel', '2021', ['médecine générale']], ['57', 'opérationnel', '2021', []], ['85', 'opérationnel', '2023-04-27', []], ['44', 'pilote', null, []],
    ]);
    const variants = readSasCsv(utf8('departement;statut;source\n2a;Lancé;ARS\n9;en cours;ARS\n974;peut-être;ARS\n'));
    expect(variants.sas.map((s) => [s.departement, s.status])).toEqual([['2A', 'opérationnel'], ['09', 'en préparation']]);
    expect(variants.rejects[0]!.message).toBe('statut de SAS « peut-être » inconnu (valeurs : opérationnel, en préparation, pilote, aucun)');
  });
});
