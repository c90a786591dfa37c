/** Who the CPTS is: status and date, declared and computed population, communes, headquarters, source. */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { CptsDetail } from '../api/get-cpts';
import { formatInteger } from '../../../lib/format';
import { DemoBadge } from '../../../lib/ui/DemoBadge';
import { SourceNote } from '../../../lib/ui/SourceNote';

/** The draft's own figures, shown in the heading while a changed draft is open. */
export interface HeaderDraft {
  population: number;
  communes: number;
}

export function CptsHeader({ detail, draft = null }: { detail: CptsDetail; draft?: HeaderDraft | null }) {
  const p = detail.cpts;
  return (
    <header className="maillage-cpts__head">
      <p className="fr-text--sm fr-mb-1v"><a className="fr-link fr-link--sm" href="/cpts">Toutes les CPTS</a></p>
      <h1 className="fr-h3 fr-mb-1w">{p.nom} {p.demonstration && <DemoBadge />}</h1>
      <p className="fr-mb-1w">
        <Badge small as="span" severity={p.statut === 'ACI signé' ? 'success' : p.statut === 'projet de santé' ? 'info' : p.statut === 'non renseigné' ? 'new' : 'warning'}>
          {p.statut === 'non renseigné' ? 'statut non renseigné' : p.statut}
        </Badge>
        {p.dateStatut && <span className="fr-text--sm"> depuis le {new Date(p.dateStatut).toLocaleDateString('fr-FR')}</span>}
      </p>
      <dl className="maillage-figures">
        <div>
          <dt>Population (communes, COG){draft ? ' — brouillon' : ''}</dt>
          <dd>{draft ? `${formatInteger(draft.population)} hab.` : p.population.calculee === null ? 'territoire non renseigné' : `${formatInteger(p.population.calculee)} hab.`}
            {draft && p.population.calculee !== null && <span className="maillage-figure__detail"> officiel : {formatInteger(p.population.calculee)} hab.</span>}
            {!draft && p.communes.partagees > 0 && (
              <span className="maillage-figure__detail" data-testid="population-partagee">
                {' '}dont {formatInteger(p.population.dontCommunesPartagees)} hab. : sa part de {p.communes.partagees === 1 ? 'la commune partagée' : `${p.communes.partagees} communes partagées`} avec d’autres CPTS
              </span>
            )}
          </dd>
        </div>
        <div><dt>Population déclarée</dt><dd>{p.population.declaree === null ? '—' : `${formatInteger(p.population.declaree)} hab.`}</dd></div>
        <div>
          <dt>Communes{draft ? ' — brouillon' : ''}</dt>
          <dd>{formatInteger(draft ? draft.communes : p.communes.total)}{!draft && p.communes.partielles > 0 ? ` dont ${p.communes.partielles} en partie` : ''}
            {draft && <span className="maillage-figure__detail"> officiel : {formatInteger(p.communes.total)}</span>}
          </dd>
        </div>
        <div><dt>Siège</dt><dd>{p.siege ? `${p.siege.adresse ? `${p.siege.adresse}, ` : ''}${p.siege.nom ?? p.siege.commune}` : '—'}{p.finess && <span className="maillage-figure__detail"> FINESS {p.finess}</span>}</dd></div>
      </dl>
      {detail.perimetreNote && <p className="fr-text--sm">{detail.perimetreNote}</p>}
      {p.territoire && <p className="fr-text--xs fr-mb-1v">Territoire selon la source : {p.territoire}</p>}
      <SourceNote demo={p.demonstration}>{p.source.split(' ; ').join(' ; ')}{p.dateSource ? ` (${p.dateSource})` : ''}</SourceNote>
    </header>
  );
}
