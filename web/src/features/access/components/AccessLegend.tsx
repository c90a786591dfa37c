/** Legend of the distance layer: population by band of estimated road distance to the nearest SNP offer. */
import type { SnpAccessStates } from '../api/get-snp-access-states';
import { BAND_COLORS, NO_OFFER_COLOR } from '../layers/access-layers';
import { formatInteger, formatPercent } from '../../../lib/format';
import { SourceNote } from '../../../lib/ui/SourceNote';
import { NOT_KNOWN_COLOR } from '../../../lib/not-known';
import { QueryStatus } from '../../../lib/ui/QueryStatus';

export interface AccessLegendProps {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: SnpAccessStates | undefined };
}

export function AccessLegend({ query }: AccessLegendProps) {
  return (
    <div className="maillage-legend">
      <QueryStatus query={query} what="les distances à l’offre de soins non programmés">
        {(a) => (
          <>
            <p className="fr-text--xs fr-mb-1w">Distance routière estimée de la commune à l’offre la plus proche (MMG, urgences, MSP et centres de santé accueillant des soins non programmés)</p>
            <ul className="maillage-legend__list" aria-label="Bandes de distance">
              {a.bandes.map((b, i) => (
                <li key={b.bande}>
                  <span className="maillage-legend__swatch" style={{ background: b.bande === 'non renseigné' ? NOT_KNOWN_COLOR : BAND_COLORS[i] ?? NO_OFFER_COLOR }} aria-hidden="true" />
                  {b.bande === 'non renseigné' ? `Non renseigné (liste des offres non déclarée complète, aucune offre listée à moins de ${a.auDelaDuSeuil.seuilKm} km)` : b.bande} : {formatInteger(b.population)} hab. ({formatPercent(b.part)})
                </li>
              ))}
            </ul>
            <p className="fr-text--xs fr-my-1w">{a.completude.snp.phrase}. {a.methode.description}</p>
            <SourceNote demo={a.donneesDemonstration}>
              {formatInteger(a.offres.retenues)} offres de la base Maillage (données version {a.versionDonnees}) ; calcul Maillage
            </SourceNote>
          </>
        )}
      </QueryStatus>
    </div>
  );
}
