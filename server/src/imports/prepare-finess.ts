/**
 * FINESS national extraction → structures `finess:<n° FINESS ET>`: commune codes translated to the
 * current COG, positions checked against the commune polygons (refused at sea or outside their
 * département), establishments without geolocation placed at their commune's point. Establishments
 * of départements the database does not hold (a build restricted to some régions) are left out and
 * counted, not rejected: the national file is the same everywhere. The CPTS FINESS registers
 * (category 604) also become CPTS `finess:<n°>` whose perimeter is « non renseigné » (finess-cpts.ts).
 */
import { encodeRows, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { readFiness, type FinessEstablishment } from '../ingest/read-finess';
import { summariseIssues, type FileIssues } from '../ingest/issue-list';
import { departementCodes } from '../db/import-queries';
import { resolveCommunes } from './commune-resolver';
import { finessCptsRow } from './finess-cpts';
import { checkPlacements, placementMessage } from './place-checker';
import type { PrepareContext, PreparedImport } from './prepared-import';

export async function prepareFiness(db: Database, bytes: Uint8Array, ctx: PrepareContext, issues: FileIssues): Promise<PreparedImport> {
  const reading = readFiness(bytes, issues);
  const { rejects, warnings } = issues;
  const known = await departementCodes(db);
  const inBase = reading.establishments.filter((e) => known.has(e.departement));
  const outsideBase = reading.establishments.length - inBase.length;
  const communes = await resolveCommunes(db, inBase.map((e) => e.commune), ctx.millesime);
  const placed: { e: FinessEstablishment; commune: NonNullable<ReturnType<typeof communes.get>>['commune'] }[] = [];
  for (const e of inBase) {
    const resolved = communes.get(e.commune);
    if (!resolved) {
      rejects.push({ line: e.line, ref: e.finessEt, message: communes.unknownMessage(e.commune) });
      continue;
    }
    if (resolved.translatedFrom) warnings.push({ line: e.line, ref: e.finessEt, message: communes.translationMessage(e.commune) });
    placed.push({ e, commune: resolved.commune });
  }
  const placements = await checkPlacements(db, placed.filter((p) => p.e.position).map((p) => ({
    key: p.e.finessEt, lon: p.e.position!.lon, lat: p.e.position!.lat, commune: p.commune,
  })));
  const source = `FINESS, extraction Etalab${reading.extractionDate ? ` du ${reading.extractionDate}` : ''} (${ctx.fileName})`;
  const rows: Row[] = [];
  const cpts: Row[] = [];
  for (const { e, commune } of placed) {
    let note: string | null = null;
    if (e.position) {
      const placement = placements.get(e.finessEt)!;
      const message = placementMessage(placement, { ...e.position, commune });
      if (placement.where === 'dehors') {
        rejects.push({ line: e.position.line, ref: e.finessEt, message: `${e.finessEt} : ${message}` });
        continue;
      }
      if (message) {
        note = message;
        warnings.push({ line: e.position.line, ref: e.finessEt, message: `${e.finessEt} : ${message}` });
      }
    }
    rows.push({
      id: `finess:${e.finessEt}`, kind: e.kind, cds_subtype: e.cdsSubtype, finess_category: e.category || null,
      finess_category_label: e.categoryLabel || null, finess_et: e.finessEt, finess_ej: e.finessEj, name: e.name, address: e.address, telephone: e.telephone,
      commune: commune.code, lon: e.position?.lon ?? commune.labelLon, lat: e.position?.lat ?? commune.labelLat,
      location_precision: e.position ? 'adresse' : 'commune', opening_hours: null, accepts_snp: e.kind === 'MMG' ? 'oui' : 'inconnu',
      host_su_id: null, note: note ?? (e.position ? null : 'sans géolocalisation FINESS : point de la commune'),
      source, source_date: reading.extractionDate, demo: false, import_id: ctx.importId,
    });
    if (e.kind === 'CPTS_SIEGE') cpts.push(finessCptsRow(e, commune, { source, date: reading.extractionDate, importId: ctx.importId }));
  }
  const byKind = (k: string) => rows.filter((r) => r.kind === k).length;
  return {
    rowsRead: reading.counts.structureet,
    rowsAccepted: rows.length,
    ...summariseIssues(issues),
    encoding: reading.encoding,
    summary: {
      'enregistrements structureet': reading.counts.structureet,
      'enregistrements geolocalisation': reading.counts.geolocalisation,
      'établissements retenus': rows.length,
      MSP: byKind('MSP'), 'centres de santé': byKind('CDS'), 'sièges de CPTS': byKind('CPTS_SIEGE'), MMG: byKind('MMG'),
      'établissements hospitaliers': byKind('AUTRE'),
      'sans géolocalisation (point de la commune)': rows.filter((r) => r.location_precision === 'commune').length,
      'ignorés (autres catégories)': reading.counts.otherCategories,
      'ignorés (hors métropole et DROM)': reading.counts.outOfScope,
      ...(outsideBase > 0 ? { 'ignorés (départements hors de la base)': outsideBase } : {}),
      'CPTS au périmètre non renseigné': cpts.length,
    },
    write: { op: 'finess', structures: encodeRows('structures', rows), cpts: encodeRows('cpts', cpts) },
  };
}
