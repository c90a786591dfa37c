/** The figures of one commune, with their source and millésime. */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useCommune } from '../api/get-commune';
import { formatDecimal, formatInteger } from '../../../lib/format';

export function CommunePanel({ code, onClose }: { code: string; onClose: () => void }) {
  const { data, isPending, isError, error } = useCommune(code);
  if (isPending) return <p className="fr-text--sm" role="status">Chargement de la commune {code}…</p>;
  if (isError) return <Alert severity="error" small description={(error as Error).message} />;
  const { commune, message, source } = data;
  return (
    <section className="maillage-panel" aria-labelledby="commune-titre">
      <div className="maillage-panel__head">
        <h2 id="commune-titre" className="fr-h4 fr-mb-0">{commune.nom}</h2>
        <Button priority="tertiary no outline" size="small" iconId="fr-icon-close-line" title="Fermer la fiche" onClick={onClose} />
      </div>
      <p className="fr-text--sm fr-mb-1w">
        Commune {commune.code} · {commune.departement.nom} ({commune.departement.code}) · {commune.region.nom}
      </p>
      {message && <Alert severity="info" small description={message} className="fr-mb-2w" />}
      <dl className="maillage-figures">
        <div><dt>Population</dt><dd>{formatInteger(commune.population)} hab.</dd></div>
        <div><dt>Superficie</dt><dd>{commune.area_km2 === null ? 'comprise dans la commune qui la contient' : `${formatDecimal(commune.area_km2)} km²`}</dd></div>
        <div><dt>Densité</dt><dd>{commune.densite === null ? '—' : `${formatDecimal(commune.densite)} hab./km²`}</dd></div>
        <div><dt>Intercommunalité</dt><dd>{commune.epci ? commune.epci.nom : 'aucune (commune isolée)'}</dd></div>
        <div><dt>Codes postaux</dt><dd>{commune.codesPostaux.join(', ') || '—'}</dd></div>
      </dl>
      {commune.contenueDans && (
        <p className="fr-text--xs">
          Pas de contour propre dans la source géographique : son territoire est compris dans celui de {commune.contenueDans.nom} ({commune.contenueDans.code}).
        </p>
      )}
      <p className="fr-text--xs fr-mb-0">
        Sources : {source.population} ; contour : {source.geometrie} ; COG {source.millesime}.
      </p>
    </section>
  );
}
