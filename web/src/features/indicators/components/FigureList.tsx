/**
 * The list behind a key figure, folded under it: « Voir les 3 sites… », a small table, and the
 * same rows as CSV. The printed report shows it open (print stylesheet: `.maillage-details`).
 */
import type { ReactNode } from 'react';

export interface FigureListProps<T> {
  /** « sites d’urgence sans MMG à moins de 10 km » */
  what: string;
  rows: readonly T[];
  columns: { header: string; cell: (row: T) => ReactNode }[];
  rowKey: (row: T) => string;
  csvUrl: string;
  /** Rows shown on screen before « … et N autres » (the CSV and the printed report have them all). */
  limit?: number;
}

export function FigureList<T>({ what, rows, columns, rowKey, csvUrl, limit = 30 }: FigureListProps<T>) {
  if (rows.length === 0) return null;
  return (
    <details className="maillage-details maillage-figure__list">
      <summary className="fr-text--sm">Voir la liste : {rows.length} {what}</summary>
      <table className="maillage-mini-table">
        <caption className="fr-sr-only">{rows.length} {what}</caption>
        <thead><tr>{columns.map((c) => <th key={c.header} scope="col">{c.header}</th>)}</tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r)} className={i >= limit ? 'maillage-print-row' : undefined}>{columns.map((c) => <td key={c.header}>{c.cell(r)}</td>)}</tr>
          ))}
        </tbody>
      </table>
      {rows.length > limit && <p className="fr-text--xs fr-mb-1v maillage-no-print">… et {rows.length - limit} autres (toutes dans le CSV et le rapport imprimé).</p>}
      <a className="fr-btn fr-btn--tertiary fr-btn--sm maillage-exports__file maillage-no-print" href={csvUrl} download aria-label={`Télécharger la liste (CSV) : ${what}`}>CSV</a>
    </details>
  );
}
