/**
 * Explore a territory (ARS delegate): choose a région or a département, switch layers on with
 * their legends, read the key figures against the PRS targets, export tables, map and report.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import type { Point } from 'geojson';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { MapView, type MapFocus, type MapHandle, type MapPopup } from '../../../map/MapView';
import { FRANCE_VIEWPORT, formatViewport, parseViewport } from '../../../map/viewport';
import { patchParams } from '../../url-state';
import type { PageProps } from '../../page-props';
import { useExploreParams } from './explore-params';
import { useExploreMap } from './use-explore-map';
import { useExploreLegends } from './use-explore-legends';
import { ExplorePopup, popupTarget, type PopupTarget } from './ExplorePopup';
import { useMapExports } from './use-map-exports';
import { formatTerritory, territoryParam, type Territory } from '../../../lib/territory';
import { useTerritory } from '../../../features/territories/api/use-territory';
import { TerritorySelector } from '../../../features/territories/components/TerritorySelector';
import { DromShortcuts } from '../../../features/territories/components/DromShortcuts';
import { LayerPanel } from '../../../features/layers/components/LayerPanel';
import { formatLayers, toggleLayer } from '../../../features/layers/layer-catalog';
import { SearchBox } from '../../../features/search/components/SearchBox';
import { CommunePanel } from '../../../features/communes/components/CommunePanel';
import { IndicatorPanel } from '../../../features/indicators/components/IndicatorPanel';
import { ExportMenu } from '../../../features/exports/components/ExportMenu';
import { ProtocolFilter } from '../../../features/protocols/components/ProtocolFilter';
import { ReportHeader, ReportSources } from '../../../features/report/components/ReportHeader';
import { DateControl } from '../../../features/dates/components/DateControl';
import { OfficialIndicators } from '../../../features/official/components/OfficialIndicators';
import { OfficialBeside } from '../../../features/official/components/OfficialBeside';

export function ExplorePage({ baseStyle, config }: PageProps) {
  const p = useExploreParams();
  const territory = formatTerritory(p.territory);
  const { info, unknown, error: territoryError } = useTerritory(p.territory);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [popup, setPopup] = useState<{ target: PopupTarget; lngLat: [number, number] } | null>(null);
  const mapHandle = useRef<MapHandle>(null);
  const initialViewport = useMemo(() => parseViewport(p.viewport) ?? FRANCE_VIEWPORT, []);
  const map = useExploreMap(p);
  const legends = useExploreLegends({ p, map, millesime: config.millesime });
  const exports = useMapExports(mapHandle, info?.nom ?? 'France', territory);

  // A shared address that names a territory without a viewport opens the map on the territory
  // (no flight from France); later choices move the map once the new extent is known.
  const opensOnTerritory = useRef(p.viewport === null && p.territory.kind !== 'france').current;
  const focusWanted = useRef<string | null>(null);
  useEffect(() => {
    if (focusWanted.current !== territory || !info?.bbox) return;
    focusWanted.current = null;
    setFocus({ bbox: info.bbox, key: `${territory}-${Date.now()}` });
  }, [info, territory]);

  const chooseTerritory = (t: Territory) => {
    if (formatTerritory(t) === territory && info?.bbox) setFocus({ bbox: info.bbox, key: `${territory}-${Date.now()}` });
    else focusWanted.current = formatTerritory(t);
    patchParams({ territoire: territoryParam(t), commune: null });
    setPopup(null);
  };

  const onFeatureClick = (f: MapGeoJSONFeature, lngLat: [number, number]) => {
    const target = popupTarget(f);
    if (target?.kind === 'commune') patchParams({ commune: target.code });
    else if (target?.kind === 'groupe') {
      const [lon, lat] = target.lngLat;
      setFocus({ bbox: [lon - 0.15, lat - 0.1, lon + 0.15, lat + 0.1], key: `groupe-${target.id}-${Date.now()}`, maxZoom: 11 });
    } else if (target?.kind === 'structure') {
      // A symbol spread off a shared point (structures-geojson.ts): the card opens at the true position.
      setPopup({ target, lngLat: (f.geometry as Point).coordinates as [number, number] });
    } else if (target) setPopup({ target, lngLat });
  };

  const mapPopup: MapPopup | null = popup && {
    lngLat: popup.lngLat,
    key: `${popup.target.kind}-${popup.target.id}-${popup.lngLat.join(',')}`,
    content: <ExplorePopup target={popup.target} sas={map.sas.data} structures={map.structures.query.data} territory={territory} />,
    onClose: () => setPopup(null),
  };

  return (
    <div className="maillage-explore">
      <ReportHeader nom={info?.nom ?? 'France'} mapImage={exports.printImage} />
      <aside className="maillage-side" aria-label="Territoire et couches">
        <h1 className="fr-h5 fr-mb-1w maillage-no-print">Explorer un territoire{info ? ` — ${info.nom}` : ''}</h1>
        <DateControl />
        <TerritorySelector
          value={p.territory}
          regionOfValue={info?.regionCode ?? null}
          onChange={chooseTerritory}
        />
        <SearchBox
          onSelect={(r) => {
            patchParams({ commune: r.code });
            setFocus({ bbox: r.bbox as [number, number, number, number], key: `${r.code}-${Date.now()}` });
          }}
        />
        {p.commune && <CommunePanel code={p.commune} onClose={() => patchParams({ commune: null })} />}
        <LayerPanel
          enabled={p.layers}
          onToggle={(id, on) => patchParams({ couches: formatLayers(toggleLayer(p.layers, id, on)) })}
          legends={legends}
        />
        <ProtocolFilter value={p.protocol} onChange={(id) => patchParams({ protocole: id })} />
      </aside>
      <div className="maillage-map-wrap">
        {(!opensOnTerritory || info || unknown || territoryError) && <MapView
          ref={mapHandle}
          baseStyle={baseStyle}
          sources={map.merged.sources}
          layers={map.merged.layers}
          images={map.merged.images}
          featureStates={map.merged.featureStates}
          pending={map.pending}
          viewport={initialViewport}
          initialBounds={opensOnTerritory ? info?.bbox : null}
          onViewportChange={(v) => patchParams({ carte: formatViewport(v) }, { replace: true })}
          clickableLayers={map.merged.clickable}
          onFeatureClick={onFeatureClick}
          focus={focus}
          popup={mapPopup}
          label={`Carte — ${info?.nom ?? 'France'}`}
          onIdle={exports.onMapIdle}
        />}
        <DromShortcuts onMetropole={() => chooseTerritory({ kind: 'france' })} onDrom={(code) => chooseTerritory({ kind: 'departement', code })} />
      </div>
      <aside className="maillage-side maillage-side--right" aria-label="Indicateurs et exports">
        {unknown && <Alert severity="warning" small description={`Territoire inconnu : ${territory}. Choisissez une région ou un département dans la liste.`} className="fr-mb-2w" />}
        {territoryError && <Alert severity="error" small description={`Liste des territoires indisponible : ${territoryError.message}`} className="fr-mb-2w" />}
        {/* France and régions: commune-level lists are incomplete, the official figures lead. */}
        {info && (p.territory.kind === 'france' || p.territory.kind === 'region') && <OfficialIndicators territory={territory} title={`Chiffres officiels — ${info.nom}`} />}
        {info && <OfficialBeside territory={territory} status={p.status} />}
        {info && (
          <IndicatorPanel
            territory={territory}
            nom={info.nom}
            regionCode={info.regionCode}
            status={p.status}
            subTerritories={info.subTerritories}
          />
        )}
        {info && p.territory.kind === 'departement' && <OfficialIndicators territory={territory} title={`Chiffres officiels — ${info.nom}`} />}
        <ExportMenu territory={territory} status={p.status} onMapPng={exports.downloadPng} onPrint={exports.print} />
      </aside>
      <ReportSources />
    </div>
  );
}
