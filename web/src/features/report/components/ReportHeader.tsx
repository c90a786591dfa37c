/**
 * The parts of the printable territorial report that the screen does not show: title, date,
 * address of the view, the map as an image (a WebGL canvas does not print reliably) and the
 * sources. The rest of the report is the page itself under the print stylesheet: the legends of
 * the layers shown right after the map, the figures with their lists, then the sources.
 */
import { useSources } from '../api/get-sources';

export interface ReportHeaderProps {
  nom: string;
  mapImage: string | null;
}

export function ReportHeader({ nom, mapImage }: ReportHeaderProps) {
  return (
    <div className="maillage-print-only maillage-report">
      <h1 className="fr-h3">Rapport territorial — {nom}</h1>
      <p className="fr-text--sm">
        Maillage, édité le {new Date().toLocaleDateString('fr-FR', { dateStyle: 'long' })} à {new Date().toLocaleTimeString('fr-FR', { timeStyle: 'short' })}.
        Vue : {window.location.href}
      </p>
      {mapImage ? <img className="maillage-report__map" src={mapImage} alt={`Carte — ${nom}`} /> : <p className="fr-text--sm">Carte en cours de dessin : réimprimez dans un instant.</p>}
      <p className="fr-text--xs">Légende de la carte : ci-dessous, couche par couche.</p>
    </div>
  );
}

/** The datasets behind the report, at its end: every input file with producer, licence, millésime and origin. */
export function ReportSources() {
  const sources = useSources();
  return (
    <div className="maillage-print-only maillage-report__sources">
      <h2 className="fr-h6">Sources</h2>
      {sources.data ? (
        <ul className="fr-text--xs">
          <li>Population : {sources.data.population}, millésime {sources.data.millesime}.</li>
          <li>Géométrie : {sources.data.geometrie}.</li>
          {sources.data.fichiers.map((f) => (
            <li key={f.id}>{f.title} — {f.producer} ; {f.licence} ; millésime {f.millesime}{f.date ? ` ; fichier du ${new Date(f.date).toLocaleDateString('fr-FR')}` : ''} ; origine {f.origin}</li>
          ))}
          <li>Offre de soins, CPTS, SAS et protocoles : sources indiquées dans chaque légende ; analyses calculées par Maillage.</li>
        </ul>
      ) : (
        <p className="fr-text--xs">Sources en cours de chargement : réimprimez dans un instant.</p>
      )}
    </div>
  );
}
