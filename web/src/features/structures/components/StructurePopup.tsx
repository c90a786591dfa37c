/** The card of one structure on the map: kind, address, telephone (FINESS), state now and hours, source and date. */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { StructureFeature } from '../api/list-structures';
import { KIND_STYLES, OTHER_KIND } from '../layers/structure-layers';
import { openingHoursInFrench } from '../../../lib/opening-hours-text';
import { DemoBadge } from '../../../lib/ui/DemoBadge';
import { formatPhone, telHref } from '../../snp-finder/phone';

const STATE: Record<string, { label: string; severity: 'success' | 'warning' | 'info' }> = {
  ouvert: { label: 'ouvert maintenant', severity: 'success' },
  fermé: { label: 'fermé maintenant', severity: 'warning' },
  inconnu: { label: 'horaires inconnus', severity: 'info' },
};

export function StructurePopup({ feature }: { feature: StructureFeature }) {
  const p = feature.properties;
  const state = STATE[p.ouverture.etat] ?? STATE.inconnu!;
  return (
    <div className="maillage-popup">
      <h3 className="fr-text--md fr-mb-1v">{p.nom} {p.demonstration && <DemoBadge />}</h3>
      <p className="fr-text--sm fr-mb-1v">{(KIND_STYLES[p.categorie] ?? OTHER_KIND).label}{p.sousTypeCds ? ` (${p.sousTypeCds})` : ''}</p>
      <p className="fr-text--sm fr-mb-1v">{p.adresse ? `${p.adresse}, ` : ''}{p.commune.nom}</p>
      {p.telephone && (
        <p className="fr-text--sm fr-mb-1v">
          <a className="fr-link fr-link--sm fr-icon-phone-line fr-link--icon-left" href={telHref(p.telephone)}>Appeler le {formatPhone(p.telephone)}</a>
        </p>
      )}
      {p.precision === 'commune' && <p className="fr-text--xs fr-mb-1v" data-testid="precision-commune">Position approchée : placé au centre de sa commune (coordonnées du site inconnues).</p>}
      {p.passagesParAn !== null && p.passagesParAn !== undefined && (
        <p className="fr-text--xs fr-mb-1v">{p.passagesParAn.toLocaleString('fr-FR')} passages aux urgences en {p.anneePassages ?? '?'} (SAE, DREES)</p>
      )}
      <p className="fr-mb-1v"><Badge small as="span" severity={state.severity}>{state.label}</Badge></p>
      {p.horaires && <p className="fr-text--xs fr-mb-1v">Horaires : {openingHoursInFrench(p.horaires).join(' ; ')}</p>}
      {p.finess.et && <p className="fr-text--xs fr-mb-1v">FINESS {p.finess.et}</p>}
      <p className="fr-text--xs fr-mb-0 maillage-source">Source : {p.source.split(' ; ')[0]}{p.dateSource ? `, ${p.dateSource}` : ''}</p>
    </div>
  );
}
