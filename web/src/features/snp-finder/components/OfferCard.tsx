/** One SNP offer in the list: name, kind, distance, state now, hours, address, call, directions, source. */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { NearestOffer } from '../api/nearest-offers';
import { openingText, openingWarning } from '../opening-text';
import { offerKindLabel } from '../offer-kinds';
import { geoUri, osmDirectionsUrl, type Point } from '../directions';
import { openingHoursInFrench } from '../../../lib/opening-hours-text';
import { formatDecimal } from '../../../lib/format';
import { normalise } from '../../../lib/normalise';
import { DemoBadge } from '../../../lib/ui/DemoBadge';
import { CallButton } from './CallButton';
import { OfferSources } from './OfferSources';

export interface OfferCardProps {
  offer: NearestOffer;
  rank: number;
  origin: Point & { nom: string };
  now: string;
  selected: boolean;
  onSelect: () => void;
}

/** The address, followed by the commune unless the address already names it. */
function addressLine(address: string | null, commune: string): string {
  if (!address) return commune;
  return normalise(address).includes(normalise(commune)) ? address : `${address}, ${commune}`;
}

export function OfferCard({ offer: o, rank, origin, now, selected, onSelect }: OfferCardProps) {
  const state = openingText(o.ouverture, now, o.fuseau);
  const warning = openingWarning(o.ouverture, o.type, now, o.fuseau);
  const id = `offre-${o.id}`;
  return (
    <li className={`maillage-offer${selected ? ' is-selected' : ''}`} id={id} aria-current={selected ? 'true' : undefined}>
      <h3 className="fr-h6 fr-mb-1v maillage-offer__title">
        <span className="maillage-offer__rank" aria-hidden="true">{rank}</span>
        <button type="button" className="maillage-offer__name" onClick={onSelect} aria-describedby={`${id}-etat`}>{o.nom}</button>
        {o.demonstration && <> <DemoBadge /></>}
      </h3>
      <p className="fr-text--sm fr-mb-1v">
        {offerKindLabel(o.type)} · à {formatDecimal(o.distanceKm)} km à vol d’oiseau (environ {formatDecimal(o.distanceRouteKm)} km par la route)
      </p>
      <p className="fr-mb-1v" id={`${id}-etat`}>
        <Badge small as="span" severity={state.severity}>{state.badge}</Badge> <span className="fr-text--sm">{state.detail}</span>
      </p>
      {warning && <p className="fr-text--sm fr-mb-1v maillage-offer__warning">{warning}</p>}
      <p className="fr-text--sm fr-mb-1v">
        {addressLine(o.adresse, o.commune.nom)}{o.precision === 'commune' ? ' (adresse exacte non connue : position de la commune)' : ''}
      </p>
      {o.horaires && (
        <p className="fr-text--sm fr-mb-1v">Horaires : {openingHoursInFrench(o.horaires).join(' ; ')} <span className="maillage-source">(heure locale)</span></p>
      )}
      <CallButton telephone={o.telephone} name={o.nom} />
      <p className="fr-mb-1v maillage-offer__links">
        <a className="fr-btn fr-btn--tertiary fr-btn--sm" href={osmDirectionsUrl(origin, o)} target="_blank" rel="noopener noreferrer">
          Itinéraire depuis {origin.nom}<span className="fr-sr-only"> vers {o.nom} (OpenStreetMap, nouvelle fenêtre)</span>
        </a>
        <a className="fr-btn fr-btn--tertiary fr-btn--sm" href={geoUri(o, o.nom)}>
          Ouvrir dans une application de cartes<span className="fr-sr-only"> : {o.nom}</span>
        </a>
      </p>
      <OfferSources source={o.source} date={o.dateSource} id={id} />
    </li>
  );
}
