/**
 * The curated lists cached by the download step (`cache/<millésime>/curated/*.csv`, UTF-8,
 * comma-separated, RFC 4180, header row), read into objects keyed by column name. Absent in
 * online mode: the default care offer is then empty (and the build says so).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitRecords } from '../../../server/src/ingest/delimited-text';

export type CuratedRow = Record<string, string> & { _line: string };

export interface CuratedLists {
  finess31: CuratedRow[];
  cpts: CuratedRow[];
  cptsCommunes: CuratedRow[];
  mmg: CuratedRow[];
  urgences: CuratedRow[];
  sas: CuratedRow[];
  protocols: CuratedRow[];
  mspReunion: CuratedRow[];
}

const FILES: Record<keyof CuratedLists, string> = {
  finess31: 'finess_msp_cds_mmg_dep31.csv', cpts: 'cpts.csv', cptsCommunes: 'cpts_communes.csv', mmg: 'mmg.csv',
  urgences: 'urgences_sites.csv', sas: 'sas_departements.csv', protocols: 'protocoles_cooperation_snp.csv',
  mspReunion: 'msp_reunion_france_sante_partiel.csv',
};

function readCsv(path: string): CuratedRow[] {
  const { records, unclosedQuoteLine } = splitRecords(readFileSync(path, 'utf8'), ',');
  if (unclosedQuoteLine !== null) throw new Error(`${path} : guillemet non fermé ligne ${unclosedQuoteLine}`);
  const [header, ...rows] = records;
  if (!header) throw new Error(`${path} : fichier vide`);
  return rows.map((r) => {
    if (r.fields.length !== header.fields.length) throw new Error(`${path}, ligne ${r.line} : ${r.fields.length} colonnes au lieu de ${header.fields.length}`);
    const row = Object.fromEntries(header.fields.map((h, i) => [h, r.fields[i]!.trim()])) as CuratedRow;
    row._line = String(r.line);
    return row;
  });
}

/** The cached lists, or null when the cache holds none (online download). */
export function readCuratedLists(cacheDir: string): CuratedLists | null {
  const dir = join(cacheDir, 'curated');
  const missing = Object.values(FILES).filter((f) => !existsSync(join(dir, f)));
  if (missing.length === Object.keys(FILES).length) return null;
  if (missing.length > 0) throw new Error(`Listes curées incomplètes dans ${dir} : ${missing.join(', ')} absent(s). Relancez « npm run download ».`);
  return Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, readCsv(join(dir, f))])) as unknown as CuratedLists;
}
