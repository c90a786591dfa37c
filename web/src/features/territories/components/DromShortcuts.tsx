/** Buttons over the map of France that reach each overseas département, and back to the métropole. */
import { DROM } from '../../../lib/territory';

export interface DromShortcutsProps {
  onDrom: (code: string) => void;
  onMetropole: () => void;
}

export function DromShortcuts({ onDrom, onMetropole }: DromShortcutsProps) {
  return (
    <nav className="maillage-drom" aria-label="Accès aux territoires">
      <ul className="maillage-drom__list">
        <li>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary maillage-drom__btn" onClick={onMetropole}>Métropole</button>
        </li>
        {DROM.map((d) => (
          <li key={d.code}>
            <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary maillage-drom__btn" onClick={() => onDrom(d.code)}>{d.nom}</button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
