/**
 * The real curated care lists of the mirror (geodata-src/curated) as database rows and as
 * analysis records: FINESS MSP/CDS/MMG of Haute-Garonne with their coordinates, the MMG and
 * emergency sites named by the press (placed at their commune's label point, hours written in
 * OSM syntax from the article), the CPTS of Loire-Atlantique and La Réunion with the communes the
 * sources name, the SAS pilot départements and the six SNP protocols. Used by the analysis tests
 * until the embedded default care offer lands in the fixture database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { listValue } from '@duckdb/node-api';
import type { Database } from '../../server/src/db/connection';
import type { CommuneTable, CptsRecord, ProtocolRecord, SasRecord, StructureRecord } from '../../server/src/analysis/inputs';
import { mirrorDir } from './paths';

type Row = Record<string, string>;
const read = (file: string): Row[] => {
  const dir = mirrorDir();
  if (!dir) throw new Error('Miroir geodata-src introuvable (GEODATA_MIRROR) : listes de soins indisponibles.');
  return parse(readFileSync(join(dir, 'curated', file), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
};

/** OSM opening hours of the press MMG and ED (as the articles give them). */
const HOURS: Record<string, string> = {
  'Maison médicale de garde de Bouaye (CAPS)': 'Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00',
  "Maison médicale de garde d'Alès": 'Mo-Fr 20:00-24:00; Sa 09:00-24:00; Su,PH 08:00-24:00',
  'Centre hospitalier Erdre et Loire': 'Mo-Su 08:30-17:00', // urgences fermées la nuit (17h-8h30) depuis février 2023
};

export interface CuratedCare {
  structures: Record<string, unknown>[];
  cpts: Record<string, unknown>[];
  cptsCommunes: Record<string, unknown>[];
  sas: Record<string, unknown>[];
  protocols: Record<string, unknown>[];
}

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toUpperCase();

export function curatedCare(table: CommuneTable): CuratedCare {
  const base = { demo: false, import_id: null };
  const at = (code: string) => {
    const c = table.byCode.get(code);
    if (!c) throw new Error(`commune ${code} absente de la base de test`);
    return c;
  };
  const structures: Record<string, unknown>[] = read('finess_msp_cds_mmg_dep31.csv').map((r) => ({
    id: `FINESS-${r.finess_et}`, kind: r.type, cds_subtype: null, finess_category: r.categorie_code || null, finess_category_label: r.categorie_libelle,
    finess_et: r.finess_et, finess_ej: null, name: r.raison_sociale, address: r.adresse, commune: r.commune_insee, lon: Number(r.lon), lat: Number(r.lat),
    location_precision: 'adresse', opening_hours: null, accepts_snp: r.type === 'MMG' ? 'oui' : 'inconnu', host_su_id: null, note: null,
    source: r.source, source_date: '2026-08-10', ...base,
  }));
  for (const r of read('mmg.csv')) {
    if (r.finess_et) continue; // the Haute-Garonne MMG are already in the FINESS list
    const c = at(r.commune_insee!);
    structures.push({
      id: `MMG-${slug(r.commune_nom!)}`, kind: 'MMG', cds_subtype: null, finess_category: null, finess_category_label: null, finess_et: null, finess_ej: null,
      name: r.nom, address: r.adresse || null, commune: c.code, lon: c.lon, lat: c.lat, location_precision: 'commune', opening_hours: HOURS[r.nom!] ?? null,
      accepts_snp: 'oui', host_su_id: null, note: r.note || null, source: r.source, source_date: r.date_info, ...base,
    });
  }
  for (const r of read('urgences_sites.csv')) {
    const c = at(r.commune_insee!);
    structures.push({
      id: `SU-${slug(r.etablissement!)}`, kind: 'SU', cds_subtype: null, finess_category: null, finess_category_label: null, finess_et: null, finess_ej: null,
      name: r.etablissement, address: null, commune: c.code, lon: c.lon, lat: c.lat, location_precision: 'commune', opening_hours: HOURS[r.etablissement!] ?? null,
      accepts_snp: 'oui', host_su_id: null, note: r.statut_note || null, source: r.source, source_date: r.date_info, ...base,
    });
  }
  const cpts = read('cpts.csv').map((r) => ({
    id: r.cpts_id, name: r.nom, status: 'ACI signé', status_date: r.date_statut || null, declared_population: r.population_declaree ? Number(r.population_declaree) : null,
    headquarters_commune: r.siege_commune_insee || null, headquarters_address: r.siege_adresse || null, territory_note: r.territoire_texte || null, note: r.note || null,
    source: r.source, source_date: r.date_statut || null, ...base,
  }));
  const cptsCommunes = read('cpts_communes.csv').map((r) => ({
    cpts_id: r.cpts_id, commune: r.commune_insee, coverage: r.couverture!.startsWith('partielle') ? 'partielle' : 'entière', note: null, source: r.source, ...base,
  }));
  const sas = read('sas_departements.csv').map((r) => ({
    departement: r.dep, status: r.statut === 'lancé' ? 'opérationnel' : 'pilote', start_date: /^\d{4}(-\d{2}(-\d{2})?)?/.exec(r.date_lancement ?? '')?.[0] ?? null,
    start_date_note: r.date_type || null, telephone: null, note: r.note || null, source: r.source, ...base,
  }));
  const protocols = read('protocoles_cooperation_snp.csv').map((r) => ({
    id: r.id, title: r.titre, delegants: listValue(r.delegant!.split(' ; ')), delegues: listValue(r.delegue!.split(' ; ')), scope: 'national',
    concerns_snp: r.soins_non_programmes === 'oui', open_to_cpts: r.ouvert_cpts || null, authorised_on: r.annee_autorisation || null, revised_on: r.revision || null,
    framework: r.cadre || null, note: r.note || null, source: r.source, ...base,
  }));
  return { structures, cpts, cptsCommunes, sas, protocols };
}

/** The same lists as analysis records (what the queries of analysis-queries.ts return). */
export function curatedRecords(table: CommuneTable) {
  const care = curatedCare(table);
  const structures: StructureRecord[] = care.structures.map((s: any) => ({
    id: s.id, kind: s.kind, name: s.name, commune: s.commune, departement: table.byCode.get(s.commune)!.departement, lon: s.lon, lat: s.lat,
    openingHours: s.opening_hours, acceptsSnp: s.accepts_snp, hostSuId: s.host_su_id, demo: s.demo,
  }));
  const cpts: CptsRecord[] = care.cpts.map((p: any) => ({
    id: p.id, name: p.name, status: p.status, demo: p.demo,
    communes: care.cptsCommunes.filter((m: any) => m.cpts_id === p.id).map((m: any) => ({ code: m.commune, coverage: m.coverage })),
  }));
  const sas: SasRecord[] = care.sas.map((s: any) => ({ departement: s.departement, status: s.status, startDate: s.start_date, demo: s.demo, filieres: [] }));
  const protocols: ProtocolRecord[] = care.protocols.map((p: any) => ({ id: p.id, title: p.title, concernsSnp: p.concerns_snp, demo: p.demo }));
  return { structures, cpts, sas, protocols };
}

/** Inserts rows into a writable database, then bumps `data_version` as an import does. */
export async function insertRows(db: Database, rowsByTable: Record<string, Record<string, unknown>[]>): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [name, rows] of Object.entries(rowsByTable)) {
      for (const row of rows) {
        const cols = Object.keys(row);
        await tx.run(`INSERT INTO ${name} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => row[c]) as never);
      }
    }
    await tx.run(`INSERT OR REPLACE INTO meta VALUES ('data_version', CAST(coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version'), 0) + 1 AS VARCHAR))`);
  });
}
