/**
 * Soins non programmés on the CPTS's territory: its offers and the distance of its communes to the
 * nearest offer — figures computed by the server for all the CPTS's communes (every département).
 */
import type { CptsSnpAccess } from '../api/get-cpts-snp-access';
import { formatDecimal, formatInteger, formatPercent } from '../../../lib/format';
import { SourceNote } from '../../../lib/ui/SourceNote';

export interface CptsSnpFiguresProps {
  figures: CptsSnpAccess | undefined;
  state: { isPending: boolean; isError: boolean; error: Error | null };
}

export function CptsSnpFigures({ figures, state }: CptsSnpFiguresProps) {
  return (
    <section aria-labelledby="snp-cpts-titre" className="fr-mb-2w">
      <h2 id="snp-cpts-titre" className="fr-h6 fr-mb-1w">Soins non programmés</h2>
      {state.isPending ? <p className="fr-text--sm maillage-loading" role="status">Calcul des distances…</p> : state.isError || !figures ? (
        <p className="fr-error-text">Distances indisponibles : {state.error?.message}</p>
      ) : (
        <>
          <p className="fr-text--sm fr-mb-1v">
            Offres sur le territoire : {figures.offresSurTerritoire.length === 0 ? 'aucune connue' : figures.offresSurTerritoire.map((s) => s.nom).join(', ')}.
          </p>
          {figures.offresDesVillesEnPartie.length > 0 && (
            <p className="fr-text--xs fr-mb-1v" data-testid="offres-villes-en-partie">
              Dans la ville dont la CPTS ne liste que des arrondissements (arrondissement de l’offre non renseigné, non comptées ici) : {figures.offresDesVillesEnPartie.map((s) => s.nom).join(', ')}.
            </p>
          )}
          <dl className="maillage-figures">
            <div><dt>Distance moyenne à l’offre la plus proche (pondérée par la population)</dt><dd>{figures.distanceMoyenneKm === null ? '—' : `${formatDecimal(figures.distanceMoyenneKm)} km`}</dd></div>
            <div><dt>Habitants à plus de {figures.auDelaDuSeuil.seuilKm} km</dt><dd>{formatInteger(figures.auDelaDuSeuil.population)} ({formatPercent(figures.auDelaDuSeuil.part)})</dd></div>
          </dl>
          <SourceNote demo={figures.donneesDemonstration}>{figures.methode.description} Communes : {figures.communes}, départements {figures.departements.join(', ')}.</SourceNote>
        </>
      )}
    </section>
  );
}
