/**
 * « CPTS » CSV template → cpts and cpts_communes rows: commune codes translated to the current
 * COG (unknown codes refused), headquarters checked, population computed later from the COG.
 */
import type { Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { summariseIssues, type FileIssues } from '../ingest/issue-list';
import { cptsWrite } from './import-write';
import { readCptsCsv } from '../ingest/read-cpts-csv';
import { resolveCommunes } from './commune-resolver';
import { divideSharedCommunes, type MemberRow } from './shared-communes';
import { mostFrequent, type PrepareContext, type PreparedImport } from './prepared-import';

export async function prepareCpts(db: Database, bytes: Uint8Array, ctx: PrepareContext, issues: FileIssues): Promise<PreparedImport> {
  const reading = readCptsCsv(bytes);
  const { rejects, warnings } = issues;
  rejects.pushAll(reading.rejects);
  warnings.pushAll(reading.warnings);
  const codes = reading.cpts.flatMap((c) => [...c.communes.map((m) => m.code), ...(c.headquartersCommune ? [c.headquartersCommune] : [])]);
  const communes = await resolveCommunes(db, codes, ctx.millesime, { keepArrondissements: true });
  const cptsRows: Row[] = [];
  const communeRows: Row[] = [];
  const memberRows: MemberRow[] = [];
  const names = new Map<string, string>();
  const arrondissements = new Map<string, { nom: string; codes: string[]; line: number }>();
  const departements = new Set<string>();
  for (const c of reading.cpts) {
    const hq = c.headquartersCommune ? communes.get(c.headquartersCommune) : null;
    if (c.headquartersCommune && !hq) {
      rejects.push({ line: c.line, ref: c.id, message: `siège : ${communes.unknownMessage(c.headquartersCommune)}` });
      continue;
    }
    const members = new Map<string, Row>();
    const memberDeps: string[] = [];
    const whole = new Set(c.communes.map((m) => communes.get(m.code)?.commune.code));
    for (const m of c.communes) {
      const resolved = communes.get(m.code);
      if (!resolved) { rejects.push({ line: m.line, ref: c.id, message: communes.unknownMessage(m.code) }); continue; }
      if (resolved.translatedFrom) warnings.push({ line: m.line, ref: c.id, message: communes.translationMessage(m.code) });
      const city = resolved.arrondissementOf;
      if (city) {
        if (whole.has(city.code)) {
          warnings.push({ line: m.line, ref: c.id, message: `arrondissement ${m.code} ignoré : ${c.id} liste aussi la commune entière ${city.code} (${city.nom})` });
          continue;
        }
        const seen = arrondissements.get(city.code) ?? arrondissements.set(city.code, { nom: city.nom, codes: [], line: m.line }).get(city.code)!;
        seen.codes.push(m.code);
      }
      const code = resolved.commune.code;
      names.set(code, resolved.commune.nom);
      const previous = members.get(code);
      // Two old codes of one current commune: one row, « partielle » only if every part is.
      if (previous) {
        if (m.coverage === 'entière') previous.coverage = 'entière';
        warnings.push({ line: m.line, ref: c.id, message: `commune ${code} déjà listée pour ${c.id} (ancien code fusionné) : une seule ligne gardée` });
        continue;
      }
      departements.add(resolved.commune.departement);
      memberDeps.push(resolved.commune.departement);
      const row: Row = { cpts_id: c.id, commune: code, coverage: m.coverage, note: m.note, source: c.source, demo: false, import_id: ctx.importId };
      members.set(code, row);
      memberRows.push({ row, line: m.line, coverageGiven: m.coverageGiven });
    }
    cptsRows.push({
      id: c.id, name: c.name, status: c.status, status_date: c.statusDate, declared_population: c.declaredPopulation,
      headquarters_commune: hq?.commune.code ?? null, headquarters_address: c.headquartersAddress,
      departement: c.departement ?? mostFrequent(memberDeps) ?? hq?.commune.departement ?? null, territory_note: c.territoryNote,
      note: c.note, source: c.source, source_date: c.sourceDate, demo: false, import_id: ctx.importId,
    });
    communeRows.push(...members.values());
  }
  // Kept as units (commune-resolver.ts): said once per city, with what the map can and cannot draw.
  for (const [code, a] of arrondissements) {
    const listed = [...new Set(a.codes)].sort();
    warnings.push({
      line: a.line, ref: code,
      message: `${listed.length} arrondissement(s) municipal(aux) de ${a.nom} (${listed.join(', ')}) gardé(s) comme tel(s) : chacun compte pour sa CPTS avec sa propre population, `
        + `${a.nom} n'est pas comptée entière pour chacune ; la géographie n'ayant pas le contour des arrondissements, la carte dessine ${a.nom} entière, en couverture partielle`,
    });
  }
  warnings.pushAll(divideSharedCommunes(memberRows, names));
  const deps = [...departements].sort();
  return {
    rowsRead: reading.rowsRead,
    rowsAccepted: reading.rowsRead - rejects.lines,
    ...summariseIssues(issues),
    encoding: reading.encoding,
    summary: { CPTS: cptsRows.length, 'communes de CPTS': communeRows.length },
    write: cptsWrite(cptsRows, communeRows, deps),
  };
}
