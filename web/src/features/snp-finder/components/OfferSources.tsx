/**
 * Where an offer comes from, folded: a short « Source » disclosure per card that opens on the full
 * list (every source of the row, links readable), with the date of the source once.
 */
import { formatSourceDate } from '../source-date';

/** « francebleu.fr » for a source that is an address, null otherwise. */
function hostOf(source: string): string | null {
  if (!/^https?:\/\//.test(source)) return null;
  try {
    return new URL(source.split(' ')[0]!).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function OfferSources({ source, date, id }: { source: string; date: string | null; id: string }) {
  const parts = source.split(' ; ').map((s) => s.trim()).filter(Boolean);
  const first = parts[0] ?? source;
  const short = hostOf(first) ?? first.split(' (')[0]!;
  return (
    <details className="maillage-offer__sources" id={`${id}-sources`}>
      <summary className="fr-text--xs">
        Source : {short}{parts.length > 1 ? ` et ${parts.length - 1} autre${parts.length > 2 ? 's' : ''}` : ''}{date ? `, ${formatSourceDate(date)}` : ''}
      </summary>
      <ul className="fr-text--xs fr-mb-0">
        {parts.map((p) => (
          <li key={p} className="maillage-offer__source">
            {/^https?:\/\/\S+$/.test(p) ? <a href={p} target="_blank" rel="noopener noreferrer">{p}<span className="fr-sr-only"> (nouvelle fenêtre)</span></a> : p}
          </li>
        ))}
      </ul>
    </details>
  );
}
