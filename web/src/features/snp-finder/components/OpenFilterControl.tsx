/** « Toutes / Ouvertes maintenant / Ouvertes ce soir »: which offers the list shows (radio buttons, large targets). */
import type { OpenFilter } from '../api/nearest-offers';

const CHOICES: { value: OpenFilter | null; label: string }[] = [
  { value: null, label: 'Toutes' },
  { value: 'maintenant', label: 'Ouvertes maintenant' },
  { value: 'ce-soir', label: 'Ouvertes ce soir (19 h – minuit)' },
];

export function OpenFilterControl({ value, onChange }: { value: OpenFilter | null; onChange: (v: OpenFilter | null) => void }) {
  return (
    <fieldset className="fr-fieldset maillage-open-filter fr-mb-1w">
      <legend className="fr-fieldset__legend fr-text--sm fr-mb-1v">Afficher les offres</legend>
      {CHOICES.map((c) => (
        <label key={c.label} className={`maillage-open-filter__choice${value === c.value ? ' is-checked' : ''}`}>
          <input type="radio" name="ouvert" checked={value === c.value} onChange={() => onChange(c.value)} />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
