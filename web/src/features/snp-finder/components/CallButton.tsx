/**
 * A large « Appeler » button: the offer's own number when its source gives one, otherwise the 15
 * (the SAS or the SAMU answers and directs), said as such.
 */
import { formatPhone, telHref } from '../phone';

export function CallButton({ telephone, name }: { telephone: string | null; name: string }) {
  if (telephone) {
    return (
      <a className="fr-btn fr-btn--icon-left fr-icon-phone-line maillage-call" href={telHref(telephone)}>
        Appeler le {formatPhone(telephone)}<span className="fr-sr-only"> : {name}</span>
      </a>
    );
  }
  return (
    <p className="fr-mb-1v maillage-call-row">
      <a className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-phone-line maillage-call" href="tel:15">
        Appeler le 15<span className="fr-sr-only"> (pas de numéro connu pour {name})</span>
      </a>
      <span className="fr-text--xs fr-mb-0">Numéro de cette offre non connu : le 15 vous oriente.</span>
    </p>
  );
}
