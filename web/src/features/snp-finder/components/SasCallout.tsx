/** Whom to call: the SAS of the département (reached through the 15), with its status and filières. */
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import type { NearestOffers } from '../api/nearest-offers';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

export function SasCallout({ sas, departement }: { sas: NearestOffers['sas']; departement: { code: string; nom: string } }) {
  const phone = sas?.telephone ?? '15';
  const running = sas && (sas.statut === 'opérationnel' || sas.statut === 'pilote');
  return (
    <CallOut title="Qui appeler ?" titleAs="h3" className="fr-mb-2w" iconId="fr-icon-information-line">
      {running ? (
        <>
          Appelez le <a href={`tel:${phone.replace(/\s/g, '')}`} className="maillage-phone">{phone}</a> : le service d’accès aux soins (SAS) de {sas.nom} ({departement.code}) vous oriente
          {sas.debut ? ` (en service depuis ${sas.debut})` : ''}.
          {sas.filieres.length > 0 && <> Filières : {sas.filieres.map((f) => f.filiere).join(', ')}.</>}
          {sas.demonstration && <> <DemoBadge /></>}
        </>
      ) : (
        <>
          Pas de SAS connu en service pour {departement.nom} ({departement.code}){sas ? ` (statut : ${sas.statut})` : ''}. En cas d’urgence, appelez le <a href="tel:15" className="maillage-phone">15</a> ; le soir et le week-end, la permanence des soins répond au <a href="tel:116117" className="maillage-phone">116 117</a> là où ce numéro est ouvert.
        </>
      )}
      <br />
      <span className="fr-text--xs">En cas d’urgence vitale, appelez le 15 ou le 112.</span>
    </CallOut>
  );
}
