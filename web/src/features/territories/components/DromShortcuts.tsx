/** Buttons over the map of France that reach each overseas département, and back to the métropole. */
import { Button } from '@codegouvfr/react-dsfr/Button';
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
          <Button size="small" priority="tertiary" onClick={onMetropole}>Métropole</Button>
        </li>
        {DROM.map((d) => (
          <li key={d.code}>
            <Button size="small" priority="tertiary" onClick={() => onDrom(d.code)}>{d.nom}</Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
