/**
 * SAE emergency bases (DREES, URGENCES2 followed by ID in one file) → structures `su:<n° FINESS>`,
 * with the visits of the year. Commune codes of the collection year's COG are translated to the
 * millésime. Position: the site's own when the database already has it at its address (an earlier
 * SAE or « urgences » import, the default), else the FINESS establishment's (`finess:<n°>`, from a
 * FINESS import), else the commune's point (precision « commune », said in the note). Sites of
 * départements the database does not hold (a national file on a regional base) are left out and
 * counted. A site already known keeps its name, hours, telephone and dated note (merged by FINESS
 * number); without its own telephone it takes its FINESS establishment's.
 */
import { encodeRows, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { departementCodes, structuresById } from '../db/import-queries';
import { decodeText } from '../ingest/decode-text';
import { FileFormatError } from '../ingest/line-issue';
import { summariseIssues, type FileIssues } from '../ingest/issue-list';
import { readSaeUrgences, saeSiteNote, suIdOf } from '../ingest/read-sae-urgences';
import { saeCommuneCode, saeDepartementCode } from '../ingest/sae-commune-code';
import { resolveCommunes } from './commune-resolver';
import type { PrepareContext, PreparedImport } from './prepared-import';

const SOURCE = 'DREES, SAE, bases statistiques URGENCES2 et ID';

export async function prepareSaeUrgences(db: Database, bytes: Uint8Array, ctx: PrepareContext, issues: FileIssues): Promise<PreparedImport> {
  const { text, encoding } = decodeText(bytes);
  let reading;
  try {
    reading = readSaeUrgences(text);
  } catch (err) {
    throw new FileFormatError(`ce fichier n'est pas une base SAE des urgences : ${(err as Error).message}`);
  }
  const { rejects, warnings } = issues;
  for (const p of reading.problems) rejects.push({ line: p.line, ref: p.ref, message: p.message });
  const known = await departementCodes(db);
  const inBase = reading.sites.filter((s) => known.has(saeDepartementCode(s.departement)));
  const communes = await resolveCommunes(db, inBase.map((s) => saeCommuneCode(s.commune)), ctx.millesime);
  const existing = new Map((await structuresById(db, inBase.flatMap((s) => [suIdOf(s.finess), `finess:${s.finess}`]))).map((s) => [s.id, s]));
  const rows: Row[] = [];
  for (const s of inBase) {
    const code = saeCommuneCode(s.commune);
    const resolved = communes.get(code);
    if (!resolved) { rejects.push({ line: s.line, ref: s.finess, message: communes.unknownMessage(code) }); continue; }
    if (resolved.translatedFrom) warnings.push({ line: s.line, ref: s.finess, message: communes.translationMessage(code) });
    const own = existing.get(suIdOf(s.finess));
    const establishment = existing.get(`finess:${s.finess}`);
    const placed = [own, establishment].find((x) => x && x.precision === 'adresse');
    const c = resolved.commune;
    const notes = [
      own && own.source !== SOURCE && own.note ? own.note.split(' ; ')[0] : null,
      saeSiteNote(s),
      placed ? null : 'sans coordonnées connues : placé au point de la commune',
    ];
    rows.push({
      id: suIdOf(s.finess), kind: 'SU', cds_subtype: null, finess_category: s.finessCategory, finess_category_label: null, finess_et: s.finess,
      finess_ej: s.finessEj, name: own?.name ?? s.name, address: s.address ?? own?.address ?? null,
      telephone: own?.telephone ?? establishment?.telephone ?? null, commune: c.code,
      lon: placed?.lon ?? c.labelLon, lat: placed?.lat ?? c.labelLat, location_precision: placed ? 'adresse' : 'commune',
      opening_hours: own?.openingHours ?? null, accepts_snp: 'oui', host_su_id: null, visits_per_year: s.visits, visits_year: s.year,
      note: notes.filter(Boolean).join(' ; '), source: SOURCE, source_date: String(s.year), demo: false, import_id: ctx.importId,
    });
  }
  return {
    rowsRead: reading.rowsRead,
    rowsAccepted: rows.length,
    ...summariseIssues(issues),
    encoding,
    summary: {
      'sites d\'urgences': rows.length,
      'placés au point de la commune': rows.filter((r) => r.location_precision === 'commune').length,
      'ignorés (départements absents de la base)': reading.sites.length - inBase.length,
    },
    write: { op: 'replace', rows: encodeRows('structures', rows) },
  };
}
