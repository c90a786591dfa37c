/**
 * The parts of the printable territorial report that the screen does not show: title, date,
 * address of the view, the map as an image (a WebGL canvas does not print reliably) and the
 * sources. The rest of the report is the page itself under the print stylesheet.
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
      {mapImage && <img className="maillage-report__map" src={mapImage} alt={`Carte — ${nom}`} />}
    </div>
  );
}

/** The datasets behind the report, at its end. */
export function ReportSources() {
  const sources = useSources();
  const producers = sources.data ? [...new Set(sources.data.fichiers.map((f) => `${f.producer} (${f.licence}, ${f.millesime})`))] : [];
  return (
    <div className="maillage-print-only maillage-report__sources">
        <h2 className="fr-h6">Sources</h2>
        <ul className="fr-text--xs">
          {producers.map((p) => <li key={p}>{p}</li>)}
          <li>Offre de soins, CPTS, SAS et protocoles : sources indiquées dans chaque légende ; analyses calculées par Maillage.</li>
        </ul>
    </div>
  );
}
