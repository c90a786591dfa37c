/**
 * Downloads of the territory's tables and layers (CSV for spreadsheets, GeoJSON for QGIS, both
 * made by the API), the map as a PNG image, and the printable territorial report.
 */
import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useAsOfDate } from '../../../app/as-of-date';
import { cptsCoverageExportUrl, type CptsStatusFilter } from '../../coverage/api/get-cpts-coverage';
import { sasCoverageExportUrl } from '../../sas/api/get-sas-coverage';
import { snpAccessExportUrl } from '../../access/api/get-snp-access';
import { twoStepExportUrl } from '../../access/api/get-two-step-index';
import { indicatorsExportUrl } from '../../indicators/api/get-indicators';

export interface ExportMenuProps {
  territory: string;
  status: CptsStatusFilter;
  onMapPng: () => Promise<void>;
  onPrint: () => Promise<void>;
}

export function ExportMenu({ territory, status, onMapPng, onPrint }: ExportMenuProps) {
  const [busy, setBusy] = useState<null | 'png' | 'print'>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (what: 'png' | 'print', action: () => Promise<void>) => async () => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  // The CPTS tables at the page's date (`date` of the address), as the figures.
  const date = useAsOfDate();
  const tables: { label: string; csv: string; geojson?: string }[] = [
    { label: 'Couverture CPTS par commune', csv: cptsCoverageExportUrl(territory, status, 'csv', 'communes', date), geojson: cptsCoverageExportUrl(territory, status, 'geojson', 'communes', date) },
    { label: 'Communes sans CPTS (zones blanches)', csv: cptsCoverageExportUrl(territory, status, 'csv', 'zones-blanches', date) },
    { label: 'Communes en chevauchement', csv: cptsCoverageExportUrl(territory, status, 'csv', 'chevauchements', date) },
    { label: 'Communes partagées entre CPTS', csv: cptsCoverageExportUrl(territory, status, 'csv', 'partagees', date) },
    { label: 'SAS par département', csv: sasCoverageExportUrl(territory, 'csv'), geojson: sasCoverageExportUrl(territory, 'geojson') },
    { label: 'Distance aux soins non programmés', csv: snpAccessExportUrl(territory, 'csv'), geojson: snpAccessExportUrl(territory, 'geojson') },
    { label: 'Indice d’accessibilité 2SFCA', csv: twoStepExportUrl(territory, 'csv'), geojson: twoStepExportUrl(territory, 'geojson') },
    { label: 'Offre de soins (indicateurs)', csv: indicatorsExportUrl(territory, 'csv'), geojson: indicatorsExportUrl(territory, 'geojson') },
  ];
  return (
    <section className="maillage-exports" aria-labelledby="exports-titre">
      <h2 id="exports-titre" className="fr-h6 fr-mb-1w">Exporter</h2>
      <div className="maillage-exports__actions">
        <Button size="small" iconId="fr-icon-download-line" priority="secondary" onClick={run('png', onMapPng)} disabled={busy !== null}>
          {busy === 'png' ? 'Image en cours…' : 'Carte (PNG)'}
        </Button>
        <Button size="small" priority="secondary" onClick={run('print', onPrint)} disabled={busy !== null}>
          Imprimer le rapport
        </Button>
      </div>
      {error && <p className="fr-error-text">{error}</p>}
      <ul className="maillage-exports__list">
        {tables.map((t) => (
          <li key={t.label} className="maillage-exports__row">
            <span className="fr-text--sm maillage-exports__label">{t.label}</span>
            <a className="fr-btn fr-btn--tertiary fr-btn--sm maillage-exports__file" href={t.csv} download aria-label={`${t.label}, tableau CSV`}>CSV</a>
            {t.geojson && <a className="fr-btn fr-btn--tertiary fr-btn--sm maillage-exports__file" href={t.geojson} download aria-label={`${t.label}, couche GeoJSON`}>GeoJSON</a>}
          </li>
        ))}
      </ul>
    </section>
  );
}
