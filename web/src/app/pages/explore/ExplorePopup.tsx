/** What a click on the explore map shows: a structure, a CPTS (territory or seat), a département's SAS; a cluster zooms in. */
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { COMMUNES_FILL_ID } from '../../../features/boundaries/layers/boundary-layers';
import { CPTS_FILL_ID } from '../../../features/coverage/layers/cpts-coverage-layers';
import { CPTS_SEATS_ID } from '../../../features/coverage/layers/cpts-seat-layers';
import { SAS_FILL_ID } from '../../../features/sas/layers/sas-layers';
import type { SasCoverage } from '../../../features/sas/api/get-sas-coverage';
import { cptsPath } from '../../routes';
import type { Point } from 'geojson';
import { STRUCTURES_CLUSTERS_ID, STRUCTURES_POINTS_ID } from '../../../features/structures/layers/structure-layers';
import type { StructureFeature } from '../../../features/structures/api/list-structures';
import { StructurePopup } from '../../../features/structures/components/StructurePopup';
import { SuMmgNote } from '../../../features/structures/components/SuMmgNote';
import { formatInteger } from '../../../lib/format';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

export type PopupTarget =
  | { kind: 'commune'; id: string; code: string }
  | { kind: 'cpts'; id: string; nom: string; statut: string; population: number; communes: number; demo: boolean }
  | { kind: 'cpts-siege'; id: string; nom: string; statut: string; adresse: string; commune: string; precision: string; finess: string; demo: boolean }
  | { kind: 'sas'; id: string; nom: string }
  | { kind: 'structure'; id: string }
  | { kind: 'groupe'; id: string; lngLat: [number, number] };

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function popupTarget(f: MapGeoJSONFeature): PopupTarget | null {
  const p = f.properties;
  switch (f.layer.id) {
    case CPTS_FILL_ID:
      return { kind: 'cpts', id: str(p.id), nom: str(p.nom), statut: str(p.statut), population: Number(p.population), communes: Number(p.communes), demo: p.demonstration === true };
    case CPTS_SEATS_ID:
      return {
        kind: 'cpts-siege', id: str(p.id), nom: str(p.nom), statut: str(p.statut), adresse: str(p.adresse), commune: str(p.commune),
        precision: str(p.precision), finess: str(p.finess), demo: p.demonstration === true,
      };
    case SAS_FILL_ID:
      return { kind: 'sas', id: str(p.code), nom: str(p.nom) };
    case STRUCTURES_POINTS_ID:
      return { kind: 'structure', id: str(p.id) };
    case STRUCTURES_CLUSTERS_ID: {
      const [lon, lat] = (f.geometry as Point).coordinates as [number, number];
      return { kind: 'groupe', id: str(p.cluster_id), lngLat: [lon, lat] };
    }
    case COMMUNES_FILL_ID:
      return { kind: 'commune', id: str(p.code), code: str(p.code) };
    default:
      return null;
  }
}

export interface ExplorePopupProps {
  target: PopupTarget;
  sas: SasCoverage | undefined;
  structures: StructureFeature[] | undefined;
  /** The territory shown, for the access figures of an emergency site. */
  territory: string;
}

export function ExplorePopup({ target, sas, structures, territory }: ExplorePopupProps) {
  if (target.kind === 'structure') {
    const feature = structures?.find((f) => f.properties.id === target.id);
    if (!feature) return null;
    // Structures placed at the same point (a commune’s point) are spread on screen around it; the card lists them all.
    const [lon, lat] = feature.geometry.coordinates;
    const here = structures!.filter((f) => f.geometry.coordinates[0] === lon && f.geometry.coordinates[1] === lat);
    return (
      <div className="maillage-popup-list">
        {here.length > 1 && <p className="fr-text--sm fr-mb-1v"><strong>{here.length} structures au même point</strong> (position de la commune) :</p>}
        {here.map((f) => (
          <div key={f.properties.id} className="maillage-popup-list__item">
            <StructurePopup feature={f} />
            {f.properties.categorie === 'SU' && <SuMmgNote suId={f.properties.id} territory={territory} />}
          </div>
        ))}
      </div>
    );
  }
  if (target.kind === 'cpts') {
    return (
      <div className="maillage-popup">
        <h3 className="fr-text--md fr-mb-1v">{target.nom} {target.demo && <DemoBadge />}</h3>
        <p className="fr-text--sm fr-mb-1v">Statut : {target.statut}</p>
        <p className="fr-text--sm fr-mb-1v">{formatInteger(target.communes)} communes, {formatInteger(target.population)} hab.</p>
        <a className="fr-link fr-link--sm" href={cptsPath(target.id)}>Voir la CPTS</a>
      </div>
    );
  }
  if (target.kind === 'cpts-siege') {
    return (
      <div className="maillage-popup" data-testid="popup-cpts-siege">
        <h3 className="fr-text--md fr-mb-1v">{target.nom} {target.demo && <DemoBadge />}</h3>
        <p className="fr-text--sm fr-mb-1v"><strong>Périmètre non renseigné</strong> : point au siège{target.precision === 'commune' ? ' (position de sa commune)' : ''}, comptée dans aucune couverture.</p>
        <p className="fr-text--sm fr-mb-1v">Statut : {target.statut}</p>
        {(target.adresse || target.commune) && <p className="fr-text--sm fr-mb-1v">{target.adresse || target.commune}</p>}
        {target.finess && <p className="fr-text--xs fr-mb-1v">FINESS {target.finess}</p>}
        <a className="fr-link fr-link--sm" href={cptsPath(target.id)}>Voir la CPTS</a>
      </div>
    );
  }
  if (target.kind === 'sas') {
    const d = sas?.departements.find((x) => x.code === target.id);
    return (
      <div className="maillage-popup">
        <h3 className="fr-text--md fr-mb-1v">SAS — {target.nom} ({target.id}) {d?.demo && <DemoBadge />}</h3>
        {d ? (
          <>
            <p className="fr-text--sm fr-mb-1v">Statut : {d.statut}{d.debut ? `, depuis ${d.debut}` : ''}</p>
            <p className="fr-text--sm fr-mb-1v">Filières : {d.filieres.join(', ') || 'non renseignées'}</p>
            <p className="fr-text--xs fr-mb-0">Au {new Date(sas!.date).toLocaleDateString('fr-FR')} : {d.etat}</p>
          </>
        ) : (
          <p className="fr-text--sm">Aucune donnée sur le SAS de ce département.</p>
        )}
      </div>
    );
  }
  return null;
}
