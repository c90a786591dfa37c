/** One key figure with its PRS target and whether it is met. */
import type { ReactNode } from 'react';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { targetMet, type PrsTarget } from '../prs-targets';
import { formatPercent } from '../../../lib/format';

export interface KeyFigureProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  share?: number | null;
  target?: PrsTarget;
  /** When the figure is a count « n sur `of` », the target is said as a count too (« 3 sur 3 »). */
  of?: number;
  /** The list behind the figure (FigureList), folded under it. */
  list?: ReactNode;
}

export function KeyFigure({ label, value, detail, share = null, target, of, list }: KeyFigureProps) {
  const met = target ? targetMet(target, share) : null;
  return (
    <div className="maillage-figure">
      <dt className="maillage-figure__label">{label}</dt>
      <dd className="maillage-figure__value">
        {value}
        {detail && <span className="maillage-figure__detail">{detail}</span>}
        {target && (
          <span className="maillage-figure__target">
            Cible PRS : {of !== undefined ? `${Math.ceil(target.value * of - 1e-9)} sur ${of}` : `${target.direction === 'min' ? '≥' : '≤'} ${formatPercent(target.value)}`}{' '}
            {met !== null && (
              <Badge small as="span" severity={met ? 'success' : 'warning'}>{met ? 'atteinte' : 'non atteinte'}</Badge>
            )}
          </span>
        )}
        {list}
      </dd>
    </div>
  );
}
