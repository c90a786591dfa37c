/** « FINESS (extraction du 2026-08-10) ; presse régionale (2017–2026) » — the sources of a set of structures, briefly. */
import type { StructureFeature } from './api/list-structures';

function family(source: string): string {
  if (/finess/i.test(source)) return 'FINESS';
  if (/démonstration/i.test(source)) return 'démonstration';
  if (/ars\.sante\.fr|ameli\.fr|gouv\.fr/i.test(source)) return 'ARS, Assurance Maladie';
  return 'presse et sites des structures';
}

export function sourceSummary(features: StructureFeature[]): string {
  if (features.length === 0) return 'base Maillage (aucune structure affichée)';
  const groups = new Map<string, string[]>();
  for (const f of features) {
    const k = family(f.properties.source);
    const dates = groups.get(k) ?? groups.set(k, []).get(k)!;
    if (f.properties.dateSource) dates.push(f.properties.dateSource);
  }
  return [...groups].map(([k, dates]) => {
    const sorted = [...new Set(dates)].sort();
    const span = sorted.length === 0 ? '' : sorted.length === 1 ? ` (${sorted[0]})` : ` (${sorted[0]} à ${sorted[sorted.length - 1]})`;
    return `${k}${span}`;
  }).join(' ; ');
}
