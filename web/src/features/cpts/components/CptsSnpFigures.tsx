/** Soins non programmés on the CPTS's territory: offers inside, distance of its communes to the nearest offer. */
import type { SnpAccess } from '../../access/api/get-snp-access';
import type { StructureFeature } from '../../structures/api/list-structures';
import { formatDecimal, formatInteger, formatPercent } from '../../../lib/format';
import { SourceNote } from '../../../lib/ui/SourceNote';

export interface CptsSnpFiguresProps {
  communes: string[];
  access: SnpAccess | undefined;
  accessState: { isPending: boolean; isError: boolean; error: Error | null };
  structures: StructureFeature[];
}

export function CptsSnpFigures({ communes, access, accessState, structures }: CptsSnpFiguresProps) {
  const set = new Set(communes);
  const snp = structures.filter((s) => s.properties.categorie === 'MMG' || s.properties.categorie === 'SU' || s.properties.accepteSnp === 'oui');
  const rows = access?.parCommune.filter((r) => set.has(r.code)) ?? [];
  const population = rows.reduce((s, r) => s + r.population, 0);
  const weighted = population > 0 ? rows.reduce((s, r) => s + (r.distanceRouteKm ?? 0) * r.population, 0) / population : null;
  const far = rows.filter((r) => r.distanceRouteKm === null || r.distanceRouteKm > 30);
  return (
    <section aria-labelledby="snp-cpts-titre" className="fr-mb-2w">
      <h2 id="snp-cpts-titre" className="fr-h6 fr-mb-1w">Soins non programmés</h2>
      <p className="fr-text--sm fr-mb-1v">
        Offres sur le territoire : {snp.length === 0 ? 'aucune connue' : snp.map((s) => s.properties.nom).join(', ')}.
      </p>
      {accessState.isPending ? <p className="fr-text--sm maillage-loading" role="status">Calcul des distances…</p> : accessState.isError ? (
        <p className="fr-error-text">Distances indisponibles : {accessState.error?.message}</p>
      ) : (
        <dl className="maillage-figures">
          <div><dt>Distance moyenne à l’offre la plus proche (pondérée par la population)</dt><dd>{weighted === null ? '—' : `${formatDecimal(weighted)} km`}</dd></div>
          <div><dt>Habitants à plus de 30 km</dt><dd>{formatInteger(far.reduce((s, r) => s + r.population, 0))} ({formatPercent(population ? far.reduce((s, r) => s + r.population, 0) / population : null)})</dd></div>
        </dl>
      )}
      {access && <SourceNote demo={access.donneesDemonstration}>{access.methode.description}</SourceNote>}
    </section>
  );
}
