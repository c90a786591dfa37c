/** Neighbouring CPTS, overlaps with other CPTS, and zones blanches along the border. */
import type { CptsDetail } from '../api/get-cpts';
import type { Neighbourhood } from '../api/get-neighbourhood';
import { holesAlongBorder, neighbouringCpts, unknownAlongBorder } from '../neighbours';
import { formatInteger } from '../../../lib/format';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

export interface NeighbourhoodSummaryProps {
  detail: CptsDetail;
  neighbourhood: Neighbourhood;
  cptsPath: (id: string) => string;
}

export function NeighbourhoodSummary({ detail, neighbourhood, cptsPath }: NeighbourhoodSummaryProps) {
  const neighbours = neighbouringCpts(neighbourhood, detail.cpts.id);
  const holes = holesAlongBorder(neighbourhood);
  const unknown = unknownAlongBorder(neighbourhood);
  return (
    <section aria-labelledby="voisinage-titre" className="fr-mb-2w">
      <h2 id="voisinage-titre" className="fr-h6 fr-mb-1w">Voisinage</h2>
      <h3 className="fr-text--md fr-mb-1v">CPTS voisines ({neighbours.length})</h3>
      {neighbours.length === 0 ? <p className="fr-text--sm maillage-empty">Aucune CPTS connue le long de la limite.</p> : (
        <ul className="fr-text--sm">
          {neighbours.map((n) => (
            <li key={n.id}><a className="fr-link fr-link--sm" href={cptsPath(n.id)}>{n.nom}</a> ({n.statut}) {n.demonstration && <DemoBadge />} — par {n.communes.join(', ')}</li>
          ))}
        </ul>
      )}
      <h3 className="fr-text--md fr-mb-1v">Chevauchements ({detail.chevauchements.length})</h3>
      {detail.chevauchements.length === 0 ? <p className="fr-text--sm maillage-empty">Aucune commune en chevauchement avec une autre CPTS.</p> : (
        <ul className="fr-text--sm">
          {detail.chevauchements.map((o) => (
            <li key={o.id}><a className="fr-link fr-link--sm" href={cptsPath(o.id)}>{o.nom}</a> {o.demonstration && <DemoBadge />} — communes en chevauchement : {o.communes.map((c) => detail.communes.find((m) => m.code === c)?.nom ?? c).join(', ')}</li>
          ))}
        </ul>
      )}
      {detail.partages.length > 0 && (
        <>
          <h3 className="fr-text--md fr-mb-1v">Communes partagées ({detail.partages.length} CPTS)</h3>
          <p className="fr-text--xs fr-mb-1v">Une ville divisée entre CPTS n’est pas un chevauchement : chacune compte sa part de la population.</p>
          <ul className="fr-text--sm" data-testid="cpts-partages">
            {detail.partages.map((o) => (
              <li key={o.id}><a className="fr-link fr-link--sm" href={cptsPath(o.id)}>{o.nom}</a> {o.demonstration && <DemoBadge />} — {o.communes.map((c) => detail.communes.find((m) => m.code === c)?.nom ?? c).join(', ')}</li>
            ))}
          </ul>
        </>
      )}
      <h3 className="fr-text--md fr-mb-1v">Zones blanches le long de la limite ({holes.length})</h3>
      {holes.length === 0 ? <p className="fr-text--sm maillage-empty">{unknown.length === 0 ? 'Toutes les communes voisines sont dans une CPTS.' : 'Aucune zone blanche établie le long de la limite.'}</p> : (
        <p className="fr-text--sm">
          {holes.map((h) => h.nom).join(', ')} — {formatInteger(holes.reduce((s, h) => s + h.population, 0))} hab. sans CPTS.
        </p>
      )}
      {unknown.length > 0 && (
        <p className="fr-text--sm" data-testid="voisines-non-renseignees">
          Non renseigné ({unknown.length}) : {unknown.map((h) => h.nom).join(', ')} — aucune CPTS connue, mais la liste des CPTS de leur département n’est pas déclarée complète.
        </p>
      )}
    </section>
  );
}
