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
}

export function KeyFigure({ label, value, detail, share = null, target }: KeyFigureProps) {
  const met = target ? targetMet(target, share) : null;
  return (
    <div className="maillage-figure">
      <dt className="maillage-figure__label">{label}</dt>
      <dd className="maillage-figure__value">
        {value}
        {detail && <span className="maillage-figure__detail">{detail}</span>}
        {target && (
          <span className="maillage-figure__target">
            Cible PRS : {target.direction === 'min' ? '≥' : '≤'} {formatPercent(target.value)}{' '}
            {met !== null && (
              <Badge small as="span" severity={met ? 'success' : 'warning'}>{met ? 'atteinte' : 'non atteinte'}</Badge>
            )}
          </span>
        )}
      </dd>
    </div>
  );
}
