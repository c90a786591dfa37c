/**
 * MMG and emergency-site templates → structures. Identifiers: an MMG with a FINESS number is the
 * FINESS structure `finess:<n°>` (its FINESS position and category are kept when the row gives no
 * coordinates); an emergency site is `su:<n° FINESS>`; without FINESS number, `<mmg|su>:<commune>:<nom>`.
 * Rows without coordinates are placed at their commune's point (precision « commune »).
 */
import { encodeRows, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { structuresById } from '../db/import-queries';
import { summariseIssues, type FileIssues } from '../ingest/issue-list';
import { readMmgCsv, readSuCsv, type SiteInput } from '../ingest/read-sites-csv';
import { resolveCommunes } from './commune-resolver';
import { checkPlacements, placementMessage } from './place-checker';
import { slug, type PrepareContext, type PreparedImport } from './prepared-import';

const idOf = (kind: 'MMG' | 'SU', s: SiteInput, commune: string) =>
  s.finessEt ? (kind === 'MMG' ? `finess:${s.finessEt}` : `su:${s.finessEt}`) : `${kind.toLowerCase()}:${commune}:${slug(s.name)}`;

export async function prepareSites(db: Database, bytes: Uint8Array, ctx: PrepareContext, issues: FileIssues, kind: 'MMG' | 'SU'): Promise<PreparedImport> {
  const reading = kind === 'MMG' ? readMmgCsv(bytes) : readSuCsv(bytes);
  const { rejects, warnings } = issues;
  rejects.pushAll(reading.rejects);
  warnings.pushAll(reading.warnings);
  const communes = await resolveCommunes(db, reading.sites.map((s) => s.commune), ctx.millesime);
  const ids = reading.sites.map((s) => idOf(kind, s, communes.get(s.commune)?.commune.code ?? s.commune));
  const hostIds = reading.sites.flatMap((s) => (s.hostFiness ? [`su:${s.hostFiness}`] : []));
  const existing = new Map((await structuresById(db, [...ids, ...hostIds])).map((s) => [s.id, s]));
  const ok: { s: SiteInput; id: string; commune: NonNullable<ReturnType<typeof communes.get>>['commune'] }[] = [];
  reading.sites.forEach((s, i) => {
    const resolved = communes.get(s.commune);
    if (!resolved) return rejects.push({ line: s.line, ref: s.name, message: communes.unknownMessage(s.commune) });
    if (resolved.translatedFrom) warnings.push({ line: s.line, ref: s.name, message: communes.translationMessage(s.commune) });
    if (s.hostFiness && !existing.has(`su:${s.hostFiness}`)) {
      return rejects.push({ line: s.line, ref: s.name, message: `site d'urgences hôte su:${s.hostFiness} inconnu : importez d'abord les sites d'urgences (type « urgences »)` });
    }
    ok.push({ s, id: ids[i]!, commune: resolved.commune });
  });
  const placements = await checkPlacements(db, ok.filter((o) => o.s.position).map((o) => ({
    key: o.id, lon: o.s.position![0], lat: o.s.position![1], commune: o.commune,
  })));
  const rows: Row[] = [];
  for (const { s, id, commune } of ok) {
    const before = existing.get(id);
    let position: [number, number] = [commune.labelLon, commune.labelLat];
    let precision = 'commune';
    const notes = [s.note];
    if (s.position) {
      const placement = placements.get(id)!;
      const message = placementMessage(placement, { lon: s.position[0], lat: s.position[1], commune });
      if (placement.where === 'dehors') { rejects.push({ line: s.line, ref: s.name, message: message! }); continue; }
      if (message) { warnings.push({ line: s.line, ref: s.name, message }); notes.push(message); }
      position = s.position;
      precision = 'adresse';
    } else if (before && before.precision === 'adresse') {
      position = [before.lon, before.lat];
      precision = 'adresse';
    }
    if (kind === 'MMG' && s.adossee === 'oui' && !s.hostFiness) notes.push('adossée à un service d\'urgences (site non précisé)');
    rows.push({
      id, kind, cds_subtype: null, finess_category: before?.finessCategory ?? null, finess_category_label: before?.finessCategoryLabel ?? null,
      finess_et: s.finessEt, finess_ej: before?.finessEj ?? null, name: s.name, address: s.address ?? before?.address ?? null, telephone: before?.telephone ?? null,
      commune: commune.code, lon: position[0], lat: position[1], location_precision: precision, opening_hours: s.openingHours,
      accepts_snp: s.acceptsSnp, host_su_id: s.hostFiness ? `su:${s.hostFiness}` : null, note: notes.filter(Boolean).join(' ; ') || null,
      source: s.source, source_date: s.sourceDate, demo: false, import_id: ctx.importId,
    });
  }
  return {
    rowsRead: reading.rowsRead,
    rowsAccepted: rows.length,
    ...summariseIssues(issues),
    encoding: reading.encoding,
    summary: {
      [kind === 'MMG' ? 'MMG' : 'sites d\'urgences']: rows.length,
      'placés au point de la commune': rows.filter((r) => r.location_precision === 'commune').length,
      'avec horaires': rows.filter((r) => r.opening_hours).length,
    },
    write: { op: 'replace', rows: encodeRows('structures', rows) },
  };
}
