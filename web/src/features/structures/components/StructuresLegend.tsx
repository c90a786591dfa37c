/** Legend of the structures: one symbol per kind with its count, kind filter, sources and dates. */
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { StructureFeature, StructureListsCompleteness } from '../api/list-structures';
import { ListsCompleteness } from './ListsCompleteness';
import { KIND_STYLES, SHOWN_KINDS } from '../layers/structure-layers';
import { KindSymbol } from './KindSymbol';
import { SourceNote } from '../../../lib/ui/SourceNote';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { sourceSummary } from '../source-summary';

export interface StructuresLegendProps {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: StructureFeature[] | undefined; completude?: StructureListsCompleteness[] };
  kinds: string[] | null;
  onKinds: (kinds: string[] | null) => void;
  /** Structures kept by the protocol filter (null: no filter). */
  only: Set<string> | null;
}

export function StructuresLegend({ query, kinds, onKinds, only }: StructuresLegendProps) {
  const shown = kinds ?? SHOWN_KINDS;
  return (
    <div className="maillage-legend">
      <QueryStatus query={query} what="les structures">
        {(features) => {
          const kept = only ? features.filter((f) => only.has(f.properties.id)) : features;
          const visible = kept.filter((f) => shown.includes(f.properties.categorie));
          return (
            <>
              <Checkbox
                small
                legend="Types de structures"
                options={SHOWN_KINDS.map((k) => ({
                  label: (
                    <span className="maillage-legend__kind">
                      <KindSymbol style={KIND_STYLES[k]!} /> {KIND_STYLES[k]!.label} ({kept.filter((f) => f.properties.categorie === k).length})
                    </span>
                  ),
                  nativeInputProps: {
                    checked: shown.includes(k),
                    onChange: (e) => {
                      const next = e.target.checked ? [...shown, k] : shown.filter((x) => x !== k);
                      onKinds(next.length === SHOWN_KINDS.length ? null : SHOWN_KINDS.filter((x) => next.includes(x)));
                    },
                  },
                }))}
              />
              <p className="fr-text--xs fr-mb-1w maillage-no-print">Regroupées en cercles numérotés aux petites échelles ; cliquez un symbole pour sa fiche.</p>
              {visible.length === 0 && <p className="fr-text--sm maillage-empty">Aucune structure de ces types connue sur ce territoire.</p>}
              {query.completude && <ListsCompleteness answers={query.completude} />}
              <SourceNote demo={visible.some((f) => f.properties.demonstration)}>{sourceSummary(visible)}</SourceNote>
            </>
          );
        }}
      </QueryStatus>
    </div>
  );
}
