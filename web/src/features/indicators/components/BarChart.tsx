/** Horizontal bars of shares (0–100 %) with an optional target line: plain HTML and CSS, readable without colour. */
import { formatPercent } from '../../../lib/format';

export interface Bar {
  key: string;
  label: string;
  share: number | null;
}

export interface BarChartProps {
  title: string;
  bars: Bar[];
  /** Target share drawn as a vertical line. */
  target?: number | null;
  color?: string;
}

export function BarChart({ title, bars, target = null, color = '#000091' }: BarChartProps) {
  return (
    <figure className="maillage-bars">
      <figcaption className="fr-text--sm fr-mb-1w">{title}</figcaption>
      <ul className="maillage-bars__list">
        {bars.map((b) => (
          <li key={b.key} className="maillage-bars__row">
            <span className="maillage-bars__label">{b.label}</span>
            <span className="maillage-bars__track" aria-hidden="true">
              <span className="maillage-bars__bar" style={{ width: `${Math.max(0, Math.min(1, b.share ?? 0)) * 100}%`, background: color }} />
              {target !== null && <span className="maillage-bars__target" style={{ left: `${target * 100}%` }} />}
            </span>
            <span className="maillage-bars__value">{formatPercent(b.share)}</span>
          </li>
        ))}
      </ul>
      {target !== null && <p className="fr-text--xs fr-mb-0">Trait vertical : cible PRS ({formatPercent(target)}).</p>}
    </figure>
  );
}
