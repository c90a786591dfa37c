/** « Taille des urgences selon leurs passages annuels »: an option of the structures layer, kept in the address (`taille=passages`). */
import { patchParams, useParam } from '../../../app/url-state';

export function useSizeByVisits(): boolean {
  const [value] = useParam('taille');
  return value === 'passages';
}

export function VisitsSizeToggle() {
  const on = useSizeByVisits();
  return (
    <div className="fr-checkbox-group fr-checkbox-group--sm fr-mt-1w">
      <input type="checkbox" id="taille-passages" checked={on} onChange={(e) => patchParams({ taille: e.target.checked ? 'passages' : null })} />
      <label className="fr-label" htmlFor="taille-passages">
        Taille des sites d’urgence selon leurs passages annuels
        <span className="fr-hint-text">SAE 2021 (DREES) ; surface proportionnelle aux passages</span>
      </label>
    </div>
  );
}
