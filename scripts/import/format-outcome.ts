/** The import outcome as the command line prints it: status, counts, the first rejected lines (a thousand), warnings. */
import type { ImportOutcome } from '../../server/src/imports/run-import';

const MAX_WARNINGS = 50;

export function formatOutcome(o: ImportOutcome): string {
  const lines = [`${o.status === 'rejeté' ? '✘' : '✔'} ${o.message}`];
  if (o.import) lines.push(`  import ${o.import.id} (${o.import.kind}, ${o.import.fileName}, sha256 ${o.sha256.slice(0, 12)}…)`);
  for (const [label, n] of Object.entries(o.summary)) lines.push(`  ${label} : ${n}`);
  if (o.dataVersion) lines.push(`  version des données : ${o.dataVersion}`);
  if (o.rejectCount > 0) {
    lines.push(`Lignes rejetées (${o.rejectCount} problème(s)) :`);
    for (const r of o.rejects) lines.push(`  ${r.line > 0 ? `ligne ${r.line}` : 'fichier'} : ${r.message}`);
    if (o.rejectCount > o.rejects.length) lines.push(`  … et ${o.rejectCount - o.rejects.length} autre(s) : liste complète par POST /api/imports/${o.kind}?rapport=csv`);
  }
  if (o.warningCount > 0) {
    lines.push(`Avertissements (${o.warningCount}) :`);
    for (const w of o.warnings.slice(0, MAX_WARNINGS)) lines.push(`  ${w.line > 0 ? `ligne ${w.line}` : 'fichier'} : ${w.message}`);
    if (o.warningCount > MAX_WARNINGS) lines.push(`  … et ${o.warningCount - Math.min(MAX_WARNINGS, o.warnings.length)} autre(s)`);
  }
  return lines.join('\n');
}
