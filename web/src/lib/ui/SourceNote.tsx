/** « Source : … (millésime) » under a legend or a figure, with the demonstration label when needed. */
import type { ReactNode } from 'react';
import { DemoBadge } from './DemoBadge';

export interface SourceNoteProps {
  children: ReactNode;
  demo?: boolean;
}

export function SourceNote({ children, demo = false }: SourceNoteProps) {
  return (
    <p className="fr-text--xs fr-mb-0 maillage-source">
      Source : {children}
      {demo && (
        <>
          {' '}
          <DemoBadge />
        </>
      )}
    </p>
  );
}
