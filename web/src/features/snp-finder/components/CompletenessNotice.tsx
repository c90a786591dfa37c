/**
 * What the finder's list does not say: where the département's SNP offer list is not declared
 * complete, that closer offers may exist — and to call the 15 or the SAS first. Shown above the
 * list (the server writes the text: `avertissement`).
 */
export interface CompletenessNoticeProps {
  avertissement: string | null;
  listeComplete: { date: string } | null;
  plafondKm: number;
}

export function CompletenessNotice({ avertissement, listeComplete, plafondKm }: CompletenessNoticeProps) {
  return (
    <div className="maillage-completeness-notice">
      {avertissement && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="note" data-testid="avertissement-completude">
          <p>{avertissement}</p>
        </div>
      )}
      <p className="fr-text--xs fr-mb-1w">
        Offres listées à moins de {plafondKm} km de route estimée.{' '}
        {listeComplete ? `Liste des offres du département déclarée complète au ${new Date(listeComplete.date).toLocaleDateString('fr-FR')}.` : 'Liste des offres du département non déclarée complète.'}
      </p>
    </div>
  );
}
