/**
 * Legend of the CPTS territories: status colours with counts, communes only partly covered, the
 * CPTS that cannot be drawn (communes not listed by the source), status filter, source.
 */
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { FeatureCollection, Geometry } from 'geojson';
import { CPTS_STATUS_COLORS, ZONE_BLANCHE_COLOR, type CptsStatus } from '../layers/cpts-coverage-layers';
import { formatInteger } from '../../../lib/format';
import type { CptsStatusFilter } from '../api/get-cpts-coverage';
import { SourceNote } from '../../../lib/ui/SourceNote';
import { QueryStatus } from '../../../lib/ui/QueryStatus';

type Layers = FeatureCollection<Geometry | null, Record<string, unknown>>;

export interface CptsLegendProps {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: Layers | undefined };
  status: CptsStatusFilter;
  onStatus: (s: CptsStatusFilter) => void;
  millesime: number;
  /** Communes only partly covered (drawn paler, dashed). */
  partial?: { code: string; nom: string; population: number }[];
  /** CPTS of the territory whose communes are not listed (a point at their seat when known, else not drawn); null while unknown. */
  unmapped?: { id: string; nom: string; pointAuSiege: boolean }[] | null;
}

/** Names, the first `max` of them, then how many more. */
const names = (list: { nom: string }[], max = 12) =>
  list.length <= max ? list.map((c) => c.nom).join(', ') : `${list.slice(0, max).map((c) => c.nom).join(', ')} et ${list.length - max} autres`;

export function CptsLegend({ query, status, onStatus, millesime, partial = [], unmapped = null }: CptsLegendProps) {
  return (
    <div className="maillage-legend">
      <Select
        label="Statut des CPTS retenues"
        nativeSelectProps={{ value: status, onChange: (e) => onStatus(e.target.value as CptsStatusFilter) }}
        className="fr-mb-1w"
      >
        <option value="all">Toutes (pré-projet et statut non renseigné compris)</option>
        <option value="projet">Projet de santé validé et au-delà</option>
        <option value="aci">ACI signé</option>
      </Select>
      <QueryStatus query={query} what="les territoires des CPTS">
        {(data) => {
          const cpts = data.features.filter((f) => f.properties.couche === 'cpts');
          const demo = cpts.some((f) => f.properties.demonstration === true);
          // Hatched with the CPTS layer alone too (use-cpts-coverage-map.ts).
          const blank = data.features.find((f) => f.properties.couche === 'zone_blanche');
          return (
            <>
              <ul className="maillage-legend__list" aria-label="Statut des CPTS">
                {(Object.keys(CPTS_STATUS_COLORS) as CptsStatus[]).filter((s) => s !== 'non renseigné' || cpts.some((f) => f.properties.statut === s)).map((s) => (
                  <li key={s}>
                    <span className="maillage-legend__swatch maillage-legend__swatch--outline" style={{ borderColor: CPTS_STATUS_COLORS[s], background: `${CPTS_STATUS_COLORS[s]}2e` }} aria-hidden="true" />
                    {s === 'non renseigné' ? 'statut non renseigné' : s} ({cpts.filter((f) => f.properties.statut === s).length})
                  </li>
                ))}
                {blank && (
                  <li data-testid="legende-cpts-zones-blanches">
                    <span className="maillage-legend__swatch" style={{ backgroundImage: `repeating-linear-gradient(45deg, ${ZONE_BLANCHE_COLOR} 0 2px, transparent 2px 6px)` }} aria-hidden="true" />
                    zone blanche (aucune CPTS, département à liste complète) : {formatInteger(Number(blank.properties.communes))} communes
                  </li>
                )}
                {partial.length > 0 && (
                  <li>
                    <span className="maillage-legend__swatch maillage-legend__swatch--partial" aria-hidden="true" />
                    commune couverte en partie seulement : {partial.map((c) => `${c.nom} (${formatInteger(c.population)} hab.)`).join(', ')}
                  </li>
                )}
              </ul>
              {unmapped && unmapped.some((c) => c.pointAuSiege) && (() => {
                const seats = unmapped.filter((c) => c.pointAuSiege);
                return (
                  <p className="fr-text--sm fr-mb-1w maillage-legend__seats">
                    <span className="maillage-legend__swatch maillage-legend__swatch--seat" aria-hidden="true" />
                    {seats.length === 1 ? '1 CPTS au périmètre non renseigné, dessinée par un point à son siège' : `${seats.length} CPTS au périmètre non renseigné, dessinées par un point à leur siège`}
                    {' '}(connues, comptées dans aucune couverture) : {names(seats)}.
                  </p>
                );
              })()}
              {unmapped && unmapped.some((c) => !c.pointAuSiege) && (() => {
                const hidden = unmapped.filter((c) => !c.pointAuSiege);
                return (
                  <p className="fr-text--sm fr-mb-1w maillage-legend__unmapped">
                    {hidden.length === 1 ? '1 CPTS sans communes renseignées, non dessinée' : `${hidden.length} CPTS sans communes renseignées, non dessinées`} : {names(hidden)}.
                  </p>
                );
              })()}
              {cpts.length === 0 && !unmapped?.length && <p className="fr-text--sm fr-mb-1w maillage-empty">Aucune CPTS connue sur ce territoire avec ce statut.</p>}
              <SourceNote demo={demo}>
                listes publiées par les ARS, l’Assurance Maladie et les CPTS (communes nommées par la source){unmapped?.some((c) => c.pointAuSiege) ? ', FINESS (catégorie 604 : siège seul)' : ''} ; territoires dissous sur les contours IGN ADMIN EXPRESS, COG {millesime}
              </SourceNote>
            </>
          );
        }}
      </QueryStatus>
    </div>
  );
}
