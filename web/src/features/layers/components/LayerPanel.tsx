/**
 * The layer panel: one switch per thematic layer, and under each switched-on layer its legend
 * (colours, source and millésime, « démonstration » when shown data are demonstration data).
 */
import type { ReactNode } from 'react';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { LAYER_LABELS, PANEL_ORDER, type LayerId } from '../layer-catalog';

export interface LayerPanelProps {
  enabled: Set<LayerId>;
  onToggle: (id: LayerId, on: boolean) => void;
  /** The legend of each layer, shown when it is on. */
  legends: Partial<Record<LayerId, ReactNode>>;
}

export function LayerPanel({ enabled, onToggle, legends }: LayerPanelProps) {
  return (
    <section className="maillage-layers" aria-labelledby="couches-titre">
      <h2 id="couches-titre" className="fr-h6 fr-mb-1w">Couches de la carte</h2>
      <ul className="maillage-layers__list">
        {PANEL_ORDER.map((id) => (
          <li key={id} className={`maillage-layers__item${enabled.has(id) ? '' : ' is-off'}`}>
            <ToggleSwitch
              label={LAYER_LABELS[id]}
              checked={enabled.has(id)}
              onChange={(on) => onToggle(id, on)}
              showCheckedHint={false}
              labelPosition="right"
              className="maillage-layers__toggle"
            />
            {enabled.has(id) && legends[id] && (
              <div className="maillage-layers__legend">
                <h3 className="maillage-print-only fr-text--md fr-mb-1v">{LAYER_LABELS[id]}</h3>
                {legends[id]}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
