/** Legend of the SAS layer: status colours, the départements of the territory with start date and filières. */
import type { SasCoverage } from '../api/get-sas-coverage';
import { SAS_NO_DATA_COLOR, SAS_STATUS_COLORS } from '../layers/sas-layers';
import { formatPercent } from '../../../lib/format';
import { SourceNote } from '../../../lib/ui/SourceNote';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

export interface SasLegendProps {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: SasCoverage | undefined };
}

export function SasLegend({ query }: SasLegendProps) {
  return (
    <div className="maillage-legend">
      <QueryStatus query={query} what="les SAS">
        {(c) => (
          <>
            <ul className="maillage-legend__list" aria-label="Statut du SAS">
              {Object.entries(SAS_STATUS_COLORS).map(([s, color]) => (
                <li key={s}>
                  <span className="maillage-legend__swatch" style={{ background: color }} aria-hidden="true" />
                  {s} ({c.departements.filter((d) => d.statut === s).length})
                </li>
              ))}
              <li>
                <span className="maillage-legend__swatch" style={{ background: SAS_NO_DATA_COLOR }} aria-hidden="true" />
                non renseigné : aucune donnée ({c.departements.filter((d) => d.etat === 'non renseigné').length})
              </li>
            </ul>
            <p className="fr-text--sm fr-my-1w">
              Population couverte au {new Date(c.date).toLocaleDateString('fr-FR')} : <strong>{c.population.part === null ? 'non renseigné' : formatPercent(c.population.part)}</strong>
              {c.completude.departementsNonRenseignes.length > 0 && ` (${c.completude.phrase})`}
            </p>
            <details className="maillage-details">
              <summary className="fr-text--sm">SAS par département ({c.departements.length})</summary>
              <table className="maillage-mini-table">
                <thead><tr><th scope="col">Département</th><th scope="col">Statut</th><th scope="col">Filières</th></tr></thead>
                <tbody>
                  {c.departements.map((d) => (
                    <tr key={d.code}>
                      <th scope="row">{d.code} {d.nom}</th>
                      <td>{d.statut}{d.debut ? ` (depuis ${d.debut})` : ''} {d.demo && <DemoBadge />}</td>
                      <td>{d.filieres.join(', ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <SourceNote demo={c.donneesDemonstration}>liste nationale des SAS pilotes (2020) et annonces des ARS ; données version {c.versionDonnees}</SourceNote>
          </>
        )}
      </QueryStatus>
    </div>
  );
}
