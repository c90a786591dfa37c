/** Legend of the 2SFCA index: class method (quantiles or Jenks), classes and their bounds, method and source. */
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import type { TwoStepStates } from '../api/get-two-step-index';
import { INDEX_COLORS, ZERO_INDEX_COLOR } from '../layers/access-layers';
import type { ClassMethod } from '../../../lib/class-breaks';
import { formatDecimal, formatInteger } from '../../../lib/format';
import { SourceNote } from '../../../lib/ui/SourceNote';
import { QueryStatus } from '../../../lib/ui/QueryStatus';

export interface IndexLegendProps {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: TwoStepStates | undefined };
  breaks: number[];
  /** The largest commune index: the top of the last class. */
  max: number;
  method: ClassMethod;
  onMethod: (m: ClassMethod) => void;
}

const fmt = (v: number) => formatDecimal(Math.round(v * 100) / 100);

export function IndexLegend({ query, breaks, max, method, onMethod }: IndexLegendProps) {
  return (
    <div className="maillage-legend">
      <SegmentedControl
        small
        legend="Classes"
        segments={[
          { label: 'Quantiles', nativeInputProps: { checked: method === 'quantiles', onChange: () => onMethod('quantiles') } },
          { label: 'Jenks', nativeInputProps: { checked: method === 'jenks', onChange: () => onMethod('jenks') } },
        ]}
      />
      <QueryStatus query={query} what="l’indice d’accessibilité">
        {(r) => {
          const bounds = [0, ...breaks, max];
          return (
            <>
              <p className="fr-text--xs fr-my-1w">{r.methode.unite}</p>
              <ul className="maillage-legend__list" aria-label="Classes de l’indice">
                <li>
                  <span className="maillage-legend__swatch" style={{ background: ZERO_INDEX_COLOR }} aria-hidden="true" />
                  aucune offre à portée ({formatInteger(r.communesSansAcces.communes)} communes)
                </li>
                {bounds.slice(1).map((hi, i) => (
                  <li key={i}>
                    <span className="maillage-legend__swatch" style={{ background: INDEX_COLORS[i] }} aria-hidden="true" />
                    {i === 0 ? 'plus de 0' : `plus de ${fmt(bounds[i]!)}`} à {fmt(hi)}
                  </li>
                ))}
              </ul>
              <p className="fr-text--sm fr-my-1w">Indice du territoire (moyenne pondérée) : <strong>{r.indice === null ? '—' : fmt(r.indice)}</strong></p>
              <details className="maillage-details">
                <summary className="fr-text--xs">Méthode</summary>
                <p className="fr-text--xs">{r.methode.description}</p>
                <p className="fr-text--xs">{r.methode.source}</p>
              </details>
              <SourceNote demo={r.donneesDemonstration}>calcul Maillage, données version {r.versionDonnees}</SourceNote>
            </>
          );
        }}
      </QueryStatus>
    </div>
  );
}
