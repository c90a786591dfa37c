/**
 * A commune several CPTS of one file list, without saying how (no « couverture »): the city is
 * divided between them (Nice listed by three CPTS of an ARS listing), not covered whole by each —
 * so its rows are written « partielle », with a warning, and the coverage counts it once, « partagée
 * entre N CPTS », never as an overlap nor N times its population (analysis/cpts-coverage.ts). A file
 * that means an overlap says « entière » for each CPTS; that is kept as written.
 */
import type { Row } from '../db/care-write-queries';
import type { LineIssue } from '../ingest/line-issue';

export interface MemberRow { row: Row; line: number; coverageGiven: boolean }

/** Marks the unqualified rows of communes listed by several CPTS « partielle »; returns the warnings. */
export function divideSharedCommunes(members: MemberRow[], names: Map<string, string>): LineIssue[] {
  const byCommune = new Map<string, MemberRow[]>();
  for (const m of members) {
    const code = m.row.commune as string;
    (byCommune.get(code) ?? byCommune.set(code, []).get(code)!).push(m);
  }
  const warnings: LineIssue[] = [];
  for (const [code, list] of [...byCommune].sort(([a], [b]) => a.localeCompare(b))) {
    if (list.length < 2) continue;
    const unqualified = list.filter((m) => !m.coverageGiven);
    if (unqualified.length === 0) continue;
    for (const m of unqualified) {
      m.row.coverage = 'partielle';
      m.row.note ??= `partagée entre ${list.length} CPTS`;
    }
    const cpts = list.map((m) => m.row.cpts_id as string).sort();
    warnings.push({
      line: unqualified[0]!.line, ref: code,
      message: `commune ${code}${names.has(code) ? ` (${names.get(code)})` : ''} listée par ${list.length} CPTS (${cpts.join(', ')}) sans couverture précisée : `
        + `comptée partagée entre elles (couverture « partielle »), sa population une seule fois ; écrivez « entière » pour chacune s'il s'agit d'un chevauchement`,
    });
  }
  return warnings;
}
