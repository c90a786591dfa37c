/**
 * What the draft does beyond the CPTS: the département's coverage rate before and after, and the
 * structures (emergency sites, MMG, MSP…) the new perimeter takes in or leaves out.
 */
import { coverageAfterDraft, structuresChange, type DraftEffects } from '../draft-logic';
import { useCptsCoverage } from '../../coverage/api/get-cpts-coverage';
import type { StructureFeature } from '../../structures/api/list-structures';
import { offerKindLabel } from '../../snp-finder/offer-kinds';
import { formatInteger, formatPercent } from '../../../lib/format';

export interface DraftTerritoryEffectProps {
  departement: string;
  departementNom: string | null;
  effects: DraftEffects;
  official: string[];
  draft: string[];
  structures: StructureFeature[] | undefined;
}

const signedPoints = (d: number) => `${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatPercent(Math.abs(d))}`;

export function DraftTerritoryEffect({ departement, departementNom, effects, official, draft, structures }: DraftTerritoryEffectProps) {
  const coverage = useCptsCoverage(`departement:${departement}`, 'all');
  const before = coverage.data?.population;
  const after = before ? coverageAfterDraft(departement, before, effects) : null;
  const moves = structuresChange((structures ?? []).map((s) => ({ ...s.properties, commune: s.properties.commune.code, communeNom: s.properties.commune.nom })), official, draft);
  const label = (s: (typeof moves.entering)[number]) => `${s.nom} (${offerKindLabel(s.categorie)}, ${s.communeNom})`;
  return (
    <div className="maillage-draft__territory fr-mb-2w" aria-live="polite">
      <h3 className="fr-h6 fr-mb-1v">Effet sur le département {departementNom ? `(${departementNom})` : departement}</h3>
      {before && after && before.part === null ? (
        // Not known is never shown as absent: without a complete CPTS list, the rate is not known before nor after.
        <p className="fr-text--sm fr-mb-1v maillage-draft__rate">
          Population couverte par une CPTS : non renseignée pour ce département (liste des CPTS non déclarée complète), avant comme après ce brouillon.
          {after.difference !== 0 && ` Le brouillon ${after.difference > 0 ? 'ajoute' : 'retire'} ${formatInteger(Math.abs(after.difference))} hab. de communes sans CPTS connue.`}
        </p>
      ) : before && after ? (
        <p className="fr-text--sm fr-mb-1v maillage-draft__rate">
          Population couverte par une CPTS : {formatPercent(before.part)} aujourd’hui, {formatPercent(after.part)} avec ce brouillon
          {after.difference !== 0 ? ` (${signedPoints((after.part ?? 0) - (before.part ?? 0))}, ${after.difference > 0 ? '+' : '−'}${formatInteger(Math.abs(after.difference))} hab.)` : ' (inchangé)'}.
        </p>
      ) : (
        <p className="fr-text--sm maillage-loading" role="status">Calcul de la couverture du département…</p>
      )}
      <p className="fr-text--sm fr-mb-0 maillage-draft__structures">
        {moves.entering.length === 0 && moves.leaving.length === 0 && 'Aucune structure de soins n’entre ni ne sort du territoire.'}
        {moves.entering.length > 0 && <>Entrent dans le territoire : {moves.entering.map(label).join(' ; ')}. </>}
        {moves.leaving.length > 0 && <>Sortent du territoire : {moves.leaving.map(label).join(' ; ')}.</>}
      </p>
    </div>
  );
}
