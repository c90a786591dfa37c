/** Explore a territory: the map of France with its communes, the density layer, search and the commune panel. */
import { useMemo, useState } from 'react';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { MapView, type MapFocus } from '../map/MapView';
import { FRANCE_VIEWPORT, formatViewport, parseViewport } from '../map/viewport';
import { patchParams, useParam } from './url-state';
import { boundaryLayers, communeLabelsLayer, landLayer, selectedCommuneLayers, COMMUNES_FILL_ID } from '../features/boundaries/layers/boundary-layers';
import { densityLayer, DENSITY_LAYER_ID } from '../features/density/layers/density-layers';
import { DensityLegend } from '../features/density/components/DensityLegend';
import { SearchBox } from '../features/search/components/SearchBox';
import { CommunePanel } from '../features/communes/components/CommunePanel';

export function ExplorePage({ baseStyle, millesime }: { baseStyle: StyleSpecification; millesime: number }) {
  const [carte] = useParam('carte');
  const [commune, setCommune] = useParam('commune');
  const [couches] = useParam('couches');
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const initialViewport = useMemo(() => parseViewport(carte) ?? FRANCE_VIEWPORT, []);
  const showDensity = couches === null || couches.split(',').includes('densite');

  const layers = useMemo<LayerSpecification[]>(
    () => [landLayer, ...(showDensity ? [densityLayer] : []), ...boundaryLayers, ...selectedCommuneLayers(commune), communeLabelsLayer],
    [showDensity, commune],
  );

  return (
    <div className="maillage-explore">
      <aside className="maillage-side" aria-label="Recherche et informations">
        <SearchBox
          onSelect={(r) => {
            patchParams({ commune: r.code });
            setFocus({ bbox: r.bbox as [number, number, number, number], key: `${r.code}-${Date.now()}` });
          }}
        />
        <div className="fr-toggle fr-mb-2w">
          <input
            type="checkbox"
            className="fr-toggle__input"
            id="couche-densite"
            checked={showDensity}
            onChange={(e) => patchParams({ couches: e.target.checked ? null : 'aucune' })}
          />
          <label className="fr-toggle__label" htmlFor="couche-densite">Densité de population</label>
        </div>
        {commune && <CommunePanel code={commune} onClose={() => setCommune(null)} />}
        {showDensity && <DensityLegend millesime={millesime} />}
      </aside>
      <div className="maillage-map-wrap">
        <MapView
          baseStyle={baseStyle}
          layers={layers}
          viewport={initialViewport}
          onViewportChange={(v) => patchParams({ carte: formatViewport(v) }, { replace: true })}
          clickableLayers={[DENSITY_LAYER_ID, COMMUNES_FILL_ID]}
          onFeatureClick={(f) => patchParams({ commune: String(f.properties.code) })}
          focus={focus}
          label="Carte des communes de France"
        />
      </div>
    </div>
  );
}
