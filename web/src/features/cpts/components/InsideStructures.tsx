/** The structures located in the CPTS's communes, by kind. */
import type { StructureFeature } from '../../structures/api/list-structures';
import { KIND_STYLES, OTHER_KIND } from '../../structures/layers/structure-layers';
import { KindSymbol } from '../../structures/components/KindSymbol';
import { sourceSummary } from '../../structures/source-summary';
import { SourceNote } from '../../../lib/ui/SourceNote';

export function InsideStructures({ structures }: { structures: StructureFeature[] }) {
  const kinds = [...new Set(structures.map((s) => s.properties.categorie))].sort();
  return (
    <section aria-labelledby="structures-titre" className="fr-mb-2w">
      <h2 id="structures-titre" className="fr-h6 fr-mb-1w">Structures du territoire ({structures.length})</h2>
      {structures.length === 0 ? <p className="fr-text--sm maillage-empty">Aucune structure connue dans ces communes.</p> : (
        kinds.map((k) => {
          const list = structures.filter((s) => s.properties.categorie === k);
          const style = KIND_STYLES[k] ?? OTHER_KIND;
          return (
            <details key={k} className="maillage-details">
              <summary className="fr-text--sm"><KindSymbol style={style} /> {style.label} : {list.length}</summary>
              <ul className="fr-text--xs">
                {list.map((s) => <li key={s.properties.id}>{s.properties.nom} — {s.properties.commune.nom}</li>)}
              </ul>
            </details>
          );
        })
      )}
      {structures.length > 0 && <SourceNote demo={structures.some((s) => s.properties.demonstration)}>{sourceSummary(structures)}</SourceNote>}
    </section>
  );
}
