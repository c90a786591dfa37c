/** The import outcome as the command line prints it: status, counts, every rejected line, warnings. */
import type { ImportOutcome } from '../../server/src/imports/run-import';

const MAX_WARNINGS = 50;

export function formatOutcome(o: ImportOutcome): string {
  const lines = [`${o.status === 'rejeté' ? '✘' : '✔'} ${o.message}`];
  if (o.import) lines.push(`  import ${o.import.id} (${o.import.kind}, ${o.import.fileName}, sha256 ${o.sha256.slice(0, 12)}…)`);
  for (const [label, n] of Object.entries(o.summary)) lines.push(`  ${label} : ${n}`);
  if (o.dataVersion) lines.push(`  version des données : ${o.dataVersion}`);
  if (o.rejects.length > 0) {
    lines.push(`Lignes rejetées (${o.rejects.length}) :`);
    for (const r of o.rejects) lines.push(`  ${r.line > 0 ? `ligne ${r.line}` : 'fichier'} : ${r.message}`);
  }
  if (o.warnings.length > 0) {
    lines.push(`Avertissements (${o.warnings.length}) :`);
    for (const w of o.warnings.slice(0, MAX_WARNINGS)) lines.push(`  ${w.line > 0 ? `ligne ${w.line}` : 'fichier'} : ${w.message}`);
    if (o.warnings.length > MAX_WARNINGS) lines.push(`  … et ${o.warnings.length - MAX_WARNINGS} autre(s)`);
  }
  return lines.join('\n');
}
