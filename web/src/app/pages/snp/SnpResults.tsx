/** The finder's answer: where from, whom to call, and the list of the nearest offers. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { NearestOffers } from '../../../features/snp-finder/api/nearest-offers';
import { OfferCard } from '../../../features/snp-finder/components/OfferCard';
import { SasCallout } from '../../../features/snp-finder/components/SasCallout';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

export interface SnpResultsProps {
  query: UseQueryResult<NearestOffers, Error>;
  selected: string | null;
  onSelect: (id: string) => void;
}

export function SnpResults({ query, selected, onSelect }: SnpResultsProps) {
  return (
    <QueryStatus query={query} what="les offres les plus proches" isEmpty={(d) => d.offres.length === 0} empty="Aucune offre de soins non programmés n’est connue dans la base. En cas de besoin, appelez le 15.">
      {(d) => {
        const time = new Date(d.instant).toLocaleTimeString('fr-FR', { timeZone: d.offres[0]?.fuseau ?? 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
        return (
          <section aria-labelledby="resultats-titre">
            <h2 id="resultats-titre" className="fr-h5 fr-mb-1w">
              Près de {d.origine.nom} ({d.origine.departement}) {d.donneesDemonstration && <DemoBadge />}
            </h2>
            <SasCallout sas={d.sas} departement={{ code: d.origine.departement, nom: d.origine.departementNom }} />
            <p className="fr-text--sm" aria-live="polite">
              {d.offres.length} offres les plus proches, états à {time} (heure locale de chaque offre). Distances depuis le centre de {d.origine.nom}.
            </p>
            <ol className="maillage-offers">
              {d.offres.map((o, i) => (
                <OfferCard key={o.id} offer={o} rank={i + 1} origin={d.origine} now={d.instant} selected={o.id === selected} onSelect={() => onSelect(o.id)} />
              ))}
            </ol>
            <p className="fr-text--xs maillage-source">{d.methode}</p>
          </section>
        );
      }}
    </QueryStatus>
  );
}
