/**
 * Loading, error and empty states of a query, the same everywhere: a status line while loading,
 * the API's French message on error, a sentence when there is nothing to show.
 */
import type { ReactNode } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';

export interface QueryStatusProps<T> {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: T | undefined };
  /** What is loading, for the status line (« les CPTS »). */
  what: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** « de » contracted with the article of what follows: des CPTS, du SAS, de la liste. */
export function de(what: string): string {
  if (what.startsWith('les ')) return `des ${what.slice(4)}`;
  if (what.startsWith('le ')) return `du ${what.slice(3)}`;
  return `de ${what}`;
}

export function QueryStatus<T>({ query, what, isEmpty, empty, children }: QueryStatusProps<T>) {
  if (query.isPending) return <p className="fr-text--sm maillage-loading" role="status">Chargement {de(what)}…</p>;
  if (query.isError || query.data === undefined) {
    return <Alert severity="error" small description={`Impossible de charger ${what} : ${query.error?.message ?? 'erreur inconnue'}`} className="fr-mb-1w" />;
  }
  if (isEmpty?.(query.data)) return <p className="fr-text--sm maillage-empty">{empty ?? `Aucune donnée : ${what}.`}</p>;
  return <>{children(query.data)}</>;
}
