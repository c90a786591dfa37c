/** The finder's answer: where from, whom to call, and the list of the nearest offers. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { NearestOffers, OpenFilter } from '../../../features/snp-finder/api/nearest-offers';
import { OpenNotice } from '../../../features/snp-finder/components/OpenNotice';
import { OfferCard } from '../../../features/snp-finder/components/OfferCard';
import { CompletenessNotice } from '../../../features/snp-finder/components/CompletenessNotice';
import { SasCallout } from '../../../features/snp-finder/components/SasCallout';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

export interface SnpResultsProps {
  query: UseQueryResult<NearestOffers, Error>;
  selected: string | null;
  onSelect: (id: string) => void;
  filter: OpenFilter | null;
  onFilter: (f: OpenFilter | null) => void;
  /** The origin is the visitor's position (« me localiser »), not a commune's centre. */
  fromPosition: boolean;
}

const FILTER_WORDS: Record<OpenFilter, string> = { maintenant: ' ouvertes maintenant', 'ce-soir': ' ouvertes ce soir (19 h – minuit)' };

export function SnpResults({ query, selected, onSelect, filter, onFilter, fromPosition }: SnpResultsProps) {
  return (
    <QueryStatus query={query} what="les offres les plus proches" isEmpty={() => false} empty="">
      {(d) => {
        const time = new Date(d.instant).toLocaleTimeString('fr-FR', { timeZone: d.offres[0]?.fuseau ?? 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
        return (
          <section aria-labelledby="resultats-titre">
            <h2 id="resultats-titre" className="fr-h5 fr-mb-1w">
              {fromPosition ? `Près de votre position (${d.origine.nom}, ${d.origine.departement})` : `Près de ${d.origine.nom} (${d.origine.departement})`} {d.donneesDemonstration && <DemoBadge />}
            </h2>
            <CompletenessNotice avertissement={d.avertissement} listeComplete={d.listeComplete} plafondKm={d.plafondKm} />
            <OpenNotice data={d} filter={filter} onFilter={onFilter} />
            <SasCallout sas={d.sas} departement={{ code: d.origine.departement, nom: d.origine.departementNom }} />
            <p className="fr-text--sm" aria-live="polite">
              {d.offres.length === 0 && filter === null
                ? `Aucune offre listée à moins de ${d.plafondKm} km de ${d.origine.nom}. En cas de besoin, appelez le 15.`
                : `${d.offres.length} offres${filter ? FILTER_WORDS[filter] : ''} les plus proches à moins de ${d.plafondKm} km, états à ${time} (heure locale de chaque offre). Distances depuis ${fromPosition ? 'votre position' : `le centre de ${d.origine.nom}`}.`}
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
