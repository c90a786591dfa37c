/**
 * The SNP finder's map, a chunk of its own (with MapLibre) that SnpPage loads only once the list
 * of offers is shown: on a phone, on a slow network, the list comes first. Draws the origin and
 * the offers of the answer over our boundaries; a click on an offer selects it.
 */
import { useMemo } from 'react';
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { MapView, type MapFocus } from '../../../map/MapView';
import { FRANCE_VIEWPORT } from '../../../map/viewport';
import { boundaryLayers, landLayers, communeLabelsLayer } from '../../../features/boundaries/layers/boundary-layers';
import type { NearestOffers } from '../../../features/snp-finder/api/nearest-offers';
import { offersGeoJson } from '../../../features/snp-finder/offers-geojson';
import { snpLayers, SNP_OFFERS_ID, SNP_SOURCE } from '../../../features/snp-finder/layers/snp-layers';

export interface SnpMapProps {
  baseStyle: StyleSpecification;
  data: NearestOffers | undefined;
  /** The nearest offers are being fetched (the map is not settled until they are drawn). */
  pending?: boolean;
  selected: string | null;
  focus: MapFocus | null;
  onSelect: (id: string) => void;
}

export default function SnpMap({ baseStyle, data, pending, selected, focus, onSelect }: SnpMapProps) {
  const sources = useMemo<Record<string, SourceSpecification>>(
    () => {
      const out: Record<string, SourceSpecification> = {};
      if (data) out[SNP_SOURCE] = { type: 'geojson', data: offersGeoJson(data, selected) };
      return out;
    },
    [data, selected],
  );
  const layers = useMemo(() => [...landLayers, ...boundaryLayers, communeLabelsLayer, ...(data ? snpLayers : [])], [data]);
  return (
    <MapView
      baseStyle={baseStyle}
      sources={sources}
      layers={layers}
      pending={pending}
      viewport={FRANCE_VIEWPORT}
      clickableLayers={[SNP_OFFERS_ID]}
      onFeatureClick={(f) => onSelect(String(f.properties.id))}
      focus={focus}
      label="Carte des offres de soins non programmés les plus proches"
    />
  );
}
