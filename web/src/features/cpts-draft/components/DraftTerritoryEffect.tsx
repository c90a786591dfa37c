/**
 * What the draft does beyond the CPTS: for each département it touches, the CPTS coverage rate
 * before and with the draft, as the server computes it (POST /cpts/:id/brouillon; « non renseignée »
 * where the département's CPTS list is not complete), and the structures (emergency sites, MMG,
 * MSP…) the new perimeter takes in or leaves out.
 */
import { structuresChange } from '../draft-logic';
import { useDraftEffect, type DraftDepartementEffect } from '../api/post-draft-effect';
import type { StructureFeature } from '../../structures/api/list-structures';
import { offerKindLabel } from '../../snp-finder/offer-kinds';
import { formatInteger, formatPercent } from '../../../lib/format';

export interface DraftTerritoryEffectProps {
  cptsId: string;
  official: string[];
  draft: string[];
  structures: StructureFeature[] | undefined;
}

const signedPoints = (d: number) => `${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatPercent(Math.abs(d))}`;

function DepartementRate({ e }: { e: DraftDepartementEffect }) {
  if (e.avant.part === null || e.apres.part === null) {
    // Not known is never shown as absent: without a complete CPTS list, the rate is not known before nor after.
    return (
      <p className="fr-text--sm fr-mb-1v maillage-draft__rate">
        Population couverte par une CPTS : non renseignée pour ce département (liste des CPTS non déclarée complète), avant comme après ce brouillon.
        {e.difference !== 0 && ` Le brouillon ${e.difference > 0 ? 'ajoute' : 'retire'} ${formatInteger(Math.abs(e.difference))} hab. de communes sans CPTS connue.`}
      </p>
    );
  }
  return (
    <p className="fr-text--sm fr-mb-1v maillage-draft__rate">
      Population couverte par une CPTS : {formatPercent(e.avant.part)} aujourd’hui, {formatPercent(e.apres.part)} avec ce brouillon
      {e.difference !== 0 ? ` (${signedPoints(e.apres.part - e.avant.part)}, ${e.difference > 0 ? '+' : '−'}${formatInteger(Math.abs(e.difference))} hab.)` : ' (inchangé)'}.
    </p>
  );
}

export function DraftTerritoryEffect({ cptsId, official, draft, structures }: DraftTerritoryEffectProps) {
  const effect = useDraftEffect(cptsId, draft);
  const moves = structuresChange((structures ?? []).map((s) => ({ ...s.properties, commune: s.properties.commune.code, communeNom: s.properties.commune.nom })), official, draft);
  const label = (s: (typeof moves.entering)[number]) => `${s.nom} (${offerKindLabel(s.categorie)}, ${s.communeNom})`;
  const effects = effect.data?.effetDepartements;
  return (
    <div className="maillage-draft__territory fr-mb-2w" aria-live="polite">
      {effects ? effects.map((e) => (
        <div key={e.departement} data-departement={e.departement}>
          <h3 className="fr-h6 fr-mb-1v">Effet sur le département {e.nom ? `(${e.nom})` : e.departement}</h3>
          <DepartementRate e={e} />
        </div>
      )) : effect.isError ? (
        <p className="fr-text--sm">Effet sur les départements indisponible : {effect.error.message}</p>
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
