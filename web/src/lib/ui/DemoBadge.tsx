/** The label of demonstration data: shown wherever such data are on screen. */
import { Badge } from '@codegouvfr/react-dsfr/Badge';

export function DemoBadge() {
  return (
    <Badge severity="new" small as="span" className="maillage-demo">
      démonstration<span className="fr-sr-only"> : scénario fictif, pas une source officielle</span>
    </Badge>
  );
}
