/**
 * Reader of the source data of the « Baromètre des résultats de l'action publique » (DITP,
 * repository DITP-pilotage/barometre-resultats, also on data.gouv.fr): `ind-NNN.csv` files with the
 * header `indic_id,enforce_zone_id,metric_enforce_date,maille,indic_vi,indic_va,indic_vc,indic_ta`
 * and `meta_indicateurs.csv` / `meta_chantiers.csv` for the names. Zones `D31`, `D2A`, `D976`
 * (départements), `R84` (régions, INSEE code), `FRANCE`. A bad header, zone, date or number throws
 * with the file and line: the build stops rather than loading a half-read table.
 */
import { splitRecords } from './delimited-text';

export interface OfficialValueRow {
  indicator: string;
  territory: string;
  date: string;
  value: number | null;
  initial_value: number | null;
  target: number | null;
  progress: number | null;
}

export interface OfficialDefRow {
  indicator: string;
  label: string;
  unit: 'pourcentage' | 'nombre';
  description: string | null;
  chantier: string | null;
  trend: string | null;
  source: string;
  source_file: string;
}

export const BAROMETRE_SOURCE = 'Baromètre des résultats de l\'action publique (DITP, gouvernement.fr ; data.gouv.fr, Licence Ouverte 2.0)';

const VALUE_HEADER = ['indic_id', 'enforce_zone_id', 'metric_enforce_date', 'maille', 'indic_vi', 'indic_va', 'indic_vc', 'indic_ta'];

function records(text: string, file: string): { header: string[]; rows: { line: number; get: (col: string) => string }[] } {
  const { records: all, unclosedQuoteLine } = splitRecords(text.replace(/^\uFEFF/, ''), ',');
  if (unclosedQuoteLine !== null) throw new Error(`${file} : guillemet non fermé ligne ${unclosedQuoteLine}`);
  const [head, ...rest] = all;
  if (!head) throw new Error(`${file} : fichier vide`);
  const header = head.fields.map((f) => f.trim());
  const index = new Map(header.map((h, i) => [h, i]));
  return {
    header,
    rows: rest.map((r) => {
      if (r.fields.length !== header.length) throw new Error(`${file}, ligne ${r.line} : ${r.fields.length} colonnes au lieu de ${header.length}`);
      return { line: r.line, get: (col: string) => (r.fields[index.get(col)!] ?? '').trim() };
    }),
  };
}

/** `D31` → `departement:31`, `R84` → `region:84`, `FRANCE` → `france`; null when unreadable. */
export function territoryOfZone(zone: string): string | null {
  if (zone === 'FRANCE') return 'france';
  const d = /^D(\d{2}|2[AB]|97[1-6])$/.exec(zone);
  if (d) return `departement:${d[1]}`;
  const r = /^R(\d{2})$/.exec(zone);
  return r ? `region:${r[1]}` : null;
}

function number(raw: string, file: string, line: number, col: string): number | null {
  if (raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${file}, ligne ${line} : ${col} « ${raw} » n'est pas un nombre`);
  return n;
}

/** Rows of one `ind-NNN.csv` file. */
export function readIndicatorValues(text: string, file: string): OfficialValueRow[] {
  const { header, rows } = records(text, file);
  if (header.join(',') !== VALUE_HEADER.join(',')) throw new Error(`${file} : en-tête inattendu (${header.join(',')}) au lieu de ${VALUE_HEADER.join(',')}`);
  const out: OfficialValueRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const territory = territoryOfZone(r.get('enforce_zone_id'));
    if (!territory) throw new Error(`${file}, ligne ${r.line} : zone « ${r.get('enforce_zone_id')} » illisible`);
    const date = r.get('metric_enforce_date');
    // A territory the indicator is not published for: one row with neither date nor value (SAS in
    // 976 and in the régions). Nothing to load: « non publié » is the absence of rows.
    if (date === '' && ['indic_vi', 'indic_va', 'indic_vc', 'indic_ta'].every((c) => r.get(c) === '')) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${file}, ligne ${r.line} : date « ${date} » illisible`);
    const indicator = r.get('indic_id');
    const key = `${indicator}|${territory}|${date}`;
    if (seen.has(key)) throw new Error(`${file}, ligne ${r.line} : ${indicator} ${territory} ${date} en double`);
    seen.add(key);
    const initial = number(r.get('indic_vi'), file, r.line, 'indic_vi');
    const actual = number(r.get('indic_va'), file, r.line, 'indic_va');
    out.push({
      indicator, territory, date, value: actual ?? initial, initial_value: initial,
      target: number(r.get('indic_vc'), file, r.line, 'indic_vc'), progress: number(r.get('indic_ta'), file, r.line, 'indic_ta'),
    });
  }
  return out;
}

/** Counts (« Nombre de … ») are numbers; the rest are shares of a population, in %. */
const unitOf = (label: string): OfficialDefRow['unit'] => (/^Nombre\b/i.test(label) ? 'nombre' : 'pourcentage');

/** Names of the indicators, from `meta_indicateurs.csv` and `meta_chantiers.csv`. */
export function readIndicatorDefs(indicateurs: string, chantiers: string, fileOf: (indicator: string) => string): OfficialDefRow[] {
  const ch = new Map(records(chantiers, 'meta_chantiers.csv').rows.map((r) => [r.get('chantier_id'), r.get('ch_nom')]));
  return records(indicateurs, 'meta_indicateurs.csv').rows.map((r) => {
    const label = r.get('indic_nom_baro') || r.get('indic_nom');
    if (!label) throw new Error(`meta_indicateurs.csv, ligne ${r.line} : indicateur sans nom`);
    return {
      indicator: r.get('indic_id'), label, unit: unitOf(label), description: r.get('indic_descr_baro') || r.get('indic_descr') || null,
      chantier: ch.get(r.get('indic_parent_ch')) ?? null, trend: r.get('tendance') || null, source: BAROMETRE_SOURCE, source_file: fileOf(r.get('indic_id')),
    };
  });
}
