/** The communes of a perimeter with their population, sorted by population; optional action per row. */
import type { ReactNode } from 'react';
import { formatInteger } from '../../../lib/format';

export interface CommuneRow {
  code: string;
  nom: string;
  population: number;
  note?: string | null;
}

export interface CommuneTableProps {
  caption: string;
  rows: CommuneRow[];
  action?: (row: CommuneRow) => ReactNode;
}

export function CommuneTable({ caption, rows, action }: CommuneTableProps) {
  const sorted = [...rows].sort((a, b) => b.population - a.population || a.nom.localeCompare(b.nom, 'fr'));
  const total = rows.reduce((s, r) => s + r.population, 0);
  return (
    <table className="maillage-mini-table fr-mb-2w">
      <caption className="fr-text--sm">{caption}</caption>
      <thead>
        <tr><th scope="col">Commune</th><th scope="col">Population</th>{action && <th scope="col"><span className="fr-sr-only">Action</span></th>}</tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.code}>
            <th scope="row">{r.nom} <span className="maillage-source">({r.code}){r.note ? ` — ${r.note}` : ''}</span></th>
            <td>{formatInteger(r.population)}</td>
            {action && <td>{action(r)}</td>}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr><th scope="row">Total ({formatInteger(rows.length)} communes)</th><td>{formatInteger(total)}</td>{action && <td />}</tr>
      </tfoot>
    </table>
  );
}
