/**
 * Draft mode of a CPTS perimeter: add or remove communes (on the map or with the buttons here) and
 * read at once what changes — population, overlaps, zones blanches, area. Nothing is saved; the
 * draft lives in the address and can be exported.
 */
import { useState, type ReactNode } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { DraftChange, DraftEffects, Membership } from '../draft-logic';
import type { Perimeter } from '../api/post-perimeter';
import { draftCsvExport, perimeterExport } from '../api/post-perimeter';
import { CopyLinkButton } from './CopyLinkButton';
import { CommuneTable } from '../../cpts/components/CommuneTable';
import { formatDecimal, formatInteger } from '../../../lib/format';

export interface DraftPanelProps {
  cptsId: string;
  draft: string[];
  change: DraftChange;
  effects: DraftEffects;
  /** Communes along the draft's border, candidates to add. */
  candidates: Membership[];
  membership: ReadonlyMap<string, Membership>;
  perimeter: { data: Perimeter | undefined; isFetching: boolean; error: Error | null };
  onToggle: (code: string) => void;
  onReset: () => void;
  /** Rendered after the figures: adding any commune, the effect on the département (DraftAddSearch, DraftTerritoryEffect). */
  children?: ReactNode;
}

const names = (list: Membership[]) => list.map((m) => m.nom).join(', ');
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatInteger(Math.abs(n))}`;

export function DraftPanel({ cptsId, draft, change, effects, candidates, membership, perimeter, onToggle, onReset, children }: DraftPanelProps) {
  const [exportError, setExportError] = useState<string | null>(null);
  const download = async (format: 'csv' | 'geojson') => {
    setExportError(null);
    try {
      const { blob, fileName } = format === 'csv' ? await draftCsvExport(cptsId, draft) : await perimeterExport(draft, format);
      const url = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement('a'), { href: url, download: fileName.startsWith('brouillon') ? fileName : fileName.replace('perimetre', 'brouillon-perimetre') });
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (err) {
      setExportError((err as Error).message);
    }
  };
  const changed = change.added.length + change.removed.length > 0;
  return (
    <section className="maillage-draft" aria-labelledby="brouillon-titre">
      <h2 id="brouillon-titre" className="fr-h6 fr-mb-1w">Brouillon de périmètre</h2>
      <p className="fr-text--xs">Cherchez une commune pour l’ajouter, cliquez-la sur la carte ou utilisez les boutons pour l’ajouter ou la retirer. Rien n’est enregistré : le brouillon tient dans l’adresse de la page.</p>
      <dl className="maillage-figures" aria-live="polite">
        <div><dt>Population</dt><dd>{formatInteger(effects.population)} hab. ({signed(effects.population - effects.populationOfficial)})</dd></div>
        <div><dt>Communes</dt><dd>{formatInteger(effects.communes)} (+{change.added.length} / −{change.removed.length})</dd></div>
        <div><dt>Superficie</dt><dd>{perimeter.data ? `${formatDecimal(perimeter.data.properties.area_km2)} km²` : perimeter.isFetching ? 'calcul…' : 'non calculée'}</dd></div>
        <div><dt>Morceaux séparés du territoire</dt><dd>{perimeter.data ? `${formatInteger(perimeter.data.properties.parties)}${perimeter.data.properties.parties === 1 ? ' (d’un seul tenant)' : ''}` : perimeter.isFetching ? 'calcul…' : 'non calculé'}</dd></div>
        <div><dt>Zones blanches comblées</dt><dd>{effects.zonesBlanchesFilled.length}{effects.zonesBlanchesFilled.length > 0 && <span className="maillage-figure__detail"> {names(effects.zonesBlanchesFilled)}</span>}</dd></div>
        <div><dt>Chevauchements créés</dt><dd>{effects.overlapsCreated.length}{effects.overlapsCreated.length > 0 && <span className="maillage-figure__detail"> {names(effects.overlapsCreated)}</span>}</dd></div>
        <div><dt>Chevauchements supprimés</dt><dd>{effects.overlapsRemoved.length}{effects.overlapsRemoved.length > 0 && <span className="maillage-figure__detail"> {names(effects.overlapsRemoved)}</span>}</dd></div>
        <div><dt>Zones blanches ouvertes</dt><dd>{effects.zonesBlanchesOpened.length}{effects.zonesBlanchesOpened.length > 0 && <span className="maillage-figure__detail"> {names(effects.zonesBlanchesOpened)}</span>}</dd></div>
      </dl>
      {effects.unknown.length > 0 && <p className="fr-text--xs maillage-loading" role="status">Appartenance en cours de chargement : {effects.unknown.join(', ')}</p>}
      {perimeter.error && <Alert severity="error" small description={perimeter.error.message} />}
      {children}
      <div className="maillage-exports__actions">
        <Button size="small" priority="secondary" onClick={() => download('csv')} disabled={draft.length === 0}>Exporter les communes (CSV)</Button>
        <Button size="small" priority="secondary" onClick={() => download('geojson')} disabled={draft.length === 0}>Exporter le périmètre (GeoJSON)</Button>
        <Button size="small" priority="tertiary" onClick={onReset} disabled={!changed}>Revenir au périmètre officiel</Button>
      </div>
      <CopyLinkButton />
      {exportError && <p className="fr-error-text">{exportError}</p>}
      <CommuneTable
        caption="Communes du brouillon"
        rows={draft.map((c) => membership.get(c) ?? { code: c, nom: c, population: 0 })}
        action={(r) => <Button size="small" priority="tertiary no outline" onClick={() => onToggle(r.code)}>Retirer<span className="fr-sr-only"> {r.nom}</span></Button>}
      />
      <CommuneTable
        caption="Communes voisines (à ajouter)"
        rows={candidates.map((m) => ({ ...m, note: m.cpts.length === 0 ? (m.listeCptsComplete ? 'zone blanche' : 'aucune CPTS connue (non renseigné)') : m.cpts.map((p) => p.nom).join(', ') }))}
        action={(r) => <Button size="small" priority="tertiary no outline" onClick={() => onToggle(r.code)}>Ajouter<span className="fr-sr-only"> {r.nom}</span></Button>}
      />
    </section>
  );
}
