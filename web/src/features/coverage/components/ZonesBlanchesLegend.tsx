/** Legend of the zones blanches and overlaps, with their counts from the coverage figures. */
import { ZONE_BLANCHE_COLOR, OVERLAP_COLOR } from '../layers/cpts-coverage-layers';
import type { CptsCoverage } from '../api/get-cpts-coverage';
import { formatInteger, formatPercent } from '../../../lib/format';
import { SourceNote } from '../../../lib/ui/SourceNote';
import { NOT_KNOWN_COLOR } from '../../../lib/not-known';
import { QueryStatus } from '../../../lib/ui/QueryStatus';

export interface ZonesBlanchesLegendProps {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: CptsCoverage | undefined };
  millesime: number;
}

const hatch = (color: string, cross = false) => ({
  backgroundImage: `repeating-linear-gradient(45deg, ${color} 0 2px, transparent 2px 6px)${cross ? `, repeating-linear-gradient(-45deg, ${color} 0 1.5px, transparent 1.5px 6px)` : ''}`,
});

export function ZonesBlanchesLegend({ query, millesime }: ZonesBlanchesLegendProps) {
  return (
    <div className="maillage-legend">
      <QueryStatus query={query} what="les zones blanches">
        {(c) => {
          const overlapPopulation = c.chevauchements.reduce((s, x) => s + x.population, 0);
          return (
            <>
              <ul className="maillage-legend__list">
                <li>
                  <span className="maillage-legend__swatch" style={hatch(ZONE_BLANCHE_COLOR)} aria-hidden="true" />
                  Zone blanche (aucune CPTS, liste complète) : {formatInteger(c.communes.nonCouvertes)} communes, {formatInteger(c.population.nonCouverte)} hab. ({formatPercent(c.population.part === null ? null : 1 - c.population.part)})
                  {c.zonesBlanchesEnclavees.length > 0 && (
                    <span data-testid="zones-blanches-enclavees">
                      {' '}— dont enclavée{c.zonesBlanchesEnclavees.length > 1 ? 's' : ''} (entourée{c.zonesBlanchesEnclavees.length > 1 ? 's' : ''} de communes couvertes) : {c.zonesBlanchesEnclavees.map((z) => z.nom).join(', ')}
                    </span>
                  )}
                </li>
                <li>
                  <span className="maillage-legend__swatch" style={hatch(OVERLAP_COLOR, true)} aria-hidden="true" />
                  Chevauchement (plusieurs CPTS) : {formatInteger(c.communes.enChevauchement)} communes, {formatInteger(overlapPopulation)} hab.
                </li>
                {c.partagees.length > 0 && (
                  <li>
                    <span className="maillage-legend__swatch maillage-legend__swatch--partial" aria-hidden="true" />
                    Partagée entre plusieurs CPTS (divisée, pas un chevauchement) : {c.partagees.map((x) => `${x.nom} (${x.partageeEntre} CPTS)`).join(', ')}
                  </li>
                )}
                <li data-testid="legende-non-renseigne">
                  <span className="maillage-legend__swatch" style={{ background: NOT_KNOWN_COLOR }} aria-hidden="true" />
                  Non renseigné (liste des CPTS non déclarée complète) : {formatInteger(c.communes.nonRenseignees)} communes, {formatInteger(c.population.nonRenseignee)} hab.
                </li>
              </ul>
              {c.completude && <p className="fr-text--xs fr-my-1w">Zones blanches et chevauchements : {c.completude.phrase}.</p>}
              <SourceNote demo={c.donneesDemonstration}>
                calcul Maillage sur les communes des CPTS (données version {c.versionDonnees}) ; population municipale INSEE, COG {millesime}
              </SourceNote>
            </>
          );
        }}
      </QueryStatus>
    </div>
  );
}
