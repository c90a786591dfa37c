/**
 * Legend of the official choropleth: which indicator (CPTS or SAS coverage), at which of the
 * series' dates, the classes, and the source — « officiel », apart from the computed layers.
 */
import { patchParams } from '../../../app/url-state';
import { frenchDay } from '../../../app/as-of-date';
import { NOT_KNOWN_COLOR } from '../../../lib/not-known';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import type { OfficialDepartements, OfficialMapIndicator } from '../api/get-official-departements';
import { classOfValue, OFFICIAL_BREAKS, OFFICIAL_COLORS } from '../layers/official-layers';

export interface OfficialLegendProps {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: OfficialDepartements | undefined };
  indicator: OfficialMapIndicator;
}

const classLabel = (i: number) =>
  i === OFFICIAL_BREAKS.length ? '100 %' : `${i === 0 ? 0 : OFFICIAL_BREAKS[i - 1]} – ${OFFICIAL_BREAKS[i] === 99.99 ? '< 100' : OFFICIAL_BREAKS[i]} %`;

export function OfficialLegend({ query, indicator }: OfficialLegendProps) {
  return (
    <div className="maillage-legend">
      <div className="fr-select-group fr-mb-1w">
        <label className="fr-label fr-text--xs" htmlFor="officiel-indicateur">Indicateur officiel</label>
        <select id="officiel-indicateur" className="fr-select" value={indicator === 'IND-587' ? 'sas' : 'cpts'} onChange={(e) => patchParams({ officiel: e.target.value === 'sas' ? 'sas' : null })}>
          <option value="cpts">Couverture de la population par une CPTS</option>
          <option value="sas">Population couverte par un SAS</option>
        </select>
      </div>
      <QueryStatus query={query} what="les indicateurs officiels par département">
        {(d) => {
          const shown = [...new Set(d.departements.map((x) => x.date))].sort();
          return (
            <>
              <div className="fr-select-group fr-mb-1w">
                <label className="fr-label fr-text--xs" htmlFor="officiel-date">Date de la valeur</label>
                <select id="officiel-date" className="fr-select" value={shown.at(-1) ?? ''} onChange={(e) => patchParams({ date_officiel: e.target.value })}>
                  {d.dates.map((x) => <option key={x} value={x}>{frenchDay(x)}</option>)}
                </select>
              </div>
              <ul className="maillage-legend__list" aria-label="Classes">
                {OFFICIAL_COLORS.map((c, i) => (
                  <li key={c}><span className="maillage-legend__swatch" style={{ background: c }} aria-hidden="true" />{classLabel(i)} ({d.departements.filter((x) => classOfValue(x.valeur) === i).length})</li>
                ))}
                <li><span className="maillage-legend__swatch" style={{ background: NOT_KNOWN_COLOR }} aria-hidden="true" />non publié</li>
              </ul>
              <p className="fr-text--xs maillage-source">
                Officiel — {d.indicateur.libelle}, dernière valeur publiée au plus tard le {frenchDay(d.date)}{shown.length > 0 ? ` (${shown.map(frenchDay).join(', ')})` : ''}. Source : {d.indicateur.source}.
              </p>
            </>
          );
        }}
      </QueryStatus>
    </div>
  );
}
