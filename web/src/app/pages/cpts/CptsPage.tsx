/**
 * A CPTS (coordinator): its perimeter on the map, communes with population, structures inside,
 * neighbouring CPTS, overlaps and holes along its border, protocols, SNP offer and access; and a
 * draft mode to try another perimeter, with live figures and exports.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { MapView, type MapFocus } from '../../../map/MapView';
import { FRANCE_VIEWPORT, formatViewport, parseViewport } from '../../../map/viewport';
import { navigate, patchParams, useSearchParams } from '../../url-state';
import { cptsPath } from '../../routes';
import type { PageProps } from '../../page-props';
import { useCptsDetail } from '../../../features/cpts/api/get-cpts';
import { CptsHeader } from '../../../features/cpts/components/CptsHeader';
import { CommuneTable } from '../../../features/cpts/components/CommuneTable';
import { NeighbourhoodSummary } from '../../../features/cpts/components/NeighbourhoodSummary';
import { InsideStructures } from '../../../features/cpts/components/InsideStructures';
import { CptsProtocols } from '../../../features/cpts/components/CptsProtocols';
import { CptsSnpFigures } from '../../../features/cpts/components/CptsSnpFigures';
import { DraftPanel } from '../../../features/cpts-draft/components/DraftPanel';
import { ProposalPanels } from '../../../features/proposals/components/ProposalPanels';
import { CptsVersions } from '../../../features/cpts-history/components/CptsVersions';
import { useCptsSnpAccess } from '../../../features/cpts/api/get-cpts-snp-access';
import { DraftAddSearch } from '../../../features/cpts-draft/components/DraftAddSearch';
import { DraftTerritoryEffect } from '../../../features/cpts-draft/components/DraftTerritoryEffect';
import { useStructuresMap } from '../../../features/structures/use-structures-map';
import { COMMUNES_FILL_ID } from '../../../features/boundaries/layers/boundary-layers';
import { OTHER_CPTS_ID } from '../../../features/cpts/layers/cpts-page-layers';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { useDepartements } from '../../../features/territories/api/list-departements';
import { useCptsDraft } from './use-cpts-draft';
import { useCptsPageMap } from './use-cpts-page-map';

export function CptsPage({ id, baseStyle }: PageProps & { id: string }) {
  const detail = useCptsDetail(id);
  const params = useSearchParams();
  const d = detail.data;
  const official = useMemo(() => (d ? d.communes.map((c) => c.code) : null), [d]);
  const departement = d?.cpts.departements[0] ?? d?.cpts.departement ?? null;
  const territory = departement ? `departement:${departement}` : 'france';
  const draft = useCptsDraft(id, official);
  const structures = useStructuresMap(
    d?.cpts.departements.length ? d.cpts.departements.map((x) => ({ departement: x })) : departement ? [{ departement }] : [{}],
    Boolean(d),
    { kinds: null, only: null },
  );
  const snpFigures = useCptsSnpAccess(id, Boolean(d));
  const map = useCptsPageMap(d, territory, draft, structures);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const initialViewport = useMemo(() => parseViewport(params.get('carte')) ?? FRANCE_VIEWPORT, []);

  // The map shows the perimeter, or the CPTS's département when the sources list no commune.
  const departements = useDepartements();
  useEffect(() => {
    if (!d || params.get('carte')) return;
    const coords = d.perimetre?.coordinates.flat(2);
    if (coords?.length) {
      const lons = coords.map((c) => c[0]!);
      const lats = coords.map((c) => c[1]!);
      setFocus({ bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], key: `cpts-${id}` });
    } else {
      const dep = departements.data?.departements.find((x) => x.code === departement);
      if (dep) setFocus({ bbox: dep.bbox as [number, number, number, number], key: `cpts-${id}-departement` });
    }
  }, [d?.perimetre, departements.data]);

  // After a change of the draft, the map fits the new perimeter (an added commune is never left at the edge).
  const draftBbox = draft.on && draft.changed ? draft.perimeter.data?.bbox : undefined;
  useEffect(() => {
    if (draftBbox) setFocus({ bbox: draftBbox as [number, number, number, number], key: `brouillon-${draftBbox.join(',')}` });
  }, [draftBbox?.join(',')]);

  const codes = new Set(official ?? []);
  const inside = (structures.query.data ?? []).filter((s) => codes.has(s.properties.commune.code));

  return (
    <div className="maillage-cpts">
      <div className="maillage-side maillage-cpts__panel">
        <QueryStatus query={detail} what={`la CPTS ${id}`}>
          {(data) => (
            <>
              <CptsHeader detail={data} draft={draft.on && draft.changed && draft.effects ? { population: draft.effects.population, communes: draft.effects.communes } : null} />
              <ToggleSwitch
                label="Mode brouillon : modifier le périmètre"
                helperText="Ajoutez ou retirez des communes pour voir l’effet sur la population, les chevauchements et les zones blanches."
                checked={draft.on}
                onChange={draft.setOn}
                showCheckedHint={false}
                className="fr-my-2w"
              />
              {draft.on && draft.effects && draft.draft && (
                <DraftPanel
                  cptsId={id}
                  draft={draft.draft}
                  change={draft.change}
                  effects={draft.effects}
                  candidates={draft.candidates}
                  membership={draft.membership}
                  perimeter={draft.perimeter}
                  onToggle={draft.toggle}
                  onReset={draft.reset}
                >
                  <DraftAddSearch draft={draft.draft} onAdd={(r) => draft.add(r.code)} />
                  <DraftTerritoryEffect cptsId={id} official={official ?? []} draft={draft.draft} structures={structures.query.data} />
                </DraftPanel>
              )}
              {draft.on && <ProposalPanels cptsId={id} change={draft.change} />}
              {!draft.on && (
                <>
                  {data.communes.length > 0 ? (
                    <CommuneTable caption="Communes de la CPTS" rows={data.communes.map((c) => ({ ...c, note: c.couverture === 'partielle' ? 'en partie' : null }))} />
                  ) : (
                    <Alert severity="info" small description="Les sources ne listent pas les communes de cette CPTS : pas de périmètre à afficher." className="fr-mb-2w" />
                  )}
                  {draft.officialHood.data && data.communes.length > 0 && <NeighbourhoodSummary detail={data} neighbourhood={draft.officialHood.data} cptsPath={cptsPath} />}
                  {draft.officialHood.isPending && data.communes.length > 0 && <p className="fr-text--sm maillage-loading" role="status">Chargement du voisinage…</p>}
                  <InsideStructures structures={inside} />
                  <CptsProtocols cptsId={id} structureIds={new Set(inside.map((s) => s.properties.id))} />
                  <CptsSnpFigures figures={snpFigures.data} state={snpFigures} />
                  <CptsVersions id={id} />
                </>
              )}
            </>
          )}
        </QueryStatus>
      </div>
      <div className="maillage-map-wrap">
        <MapView
          baseStyle={baseStyle}
          sources={map.sources}
          layers={map.layers}
          images={map.images}
          featureStates={map.featureStates}
          pending={map.pending || detail.isFetching}
          viewport={initialViewport}
          onViewportChange={(v) => patchParams({ carte: formatViewport(v) }, { replace: true })}
          clickableLayers={draft.on ? [COMMUNES_FILL_ID] : [OTHER_CPTS_ID]}
          onFeatureClick={(f) => {
            if (draft.on) draft.toggle(String(f.properties.code));
            else if (f.layer.id === OTHER_CPTS_ID) navigate(cptsPath(String(f.properties.id)));
          }}
          focus={focus}
          label={`Carte — ${d?.cpts.nom ?? 'CPTS'}`}
        />
      </div>
    </div>
  );
}
