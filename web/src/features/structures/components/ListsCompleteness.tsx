/** The completeness of the structure lists under the legend: complete (and since when) or not declared so. */
import type { StructureListsCompleteness } from '../api/list-structures';
import { listsCompletenessLines } from '../lists-completeness-text';

export function ListsCompleteness({ answers }: { answers: StructureListsCompleteness[] }) {
  const lines = listsCompletenessLines(answers);
  if (lines.length === 0) return null;
  return (
    <ul className="fr-text--xs fr-mb-1w maillage-legend__completeness" data-testid="completude-structures" aria-label="Complétude des listes">
      {lines.map((l) => <li key={l.liste} data-complete={l.complete}>{l.text}.</li>)}
    </ul>
  );
}
