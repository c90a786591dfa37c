/**
 * The finder of soins non programmés (public and professionals): type a commune, a postcode or an
 * address → the nearest offers with distance, kind, hours and state now, the SAS to call, a route.
 * `/snp?q=Colomiers` opens on the first commune found; `commune=`, `offre=`, `vue=` keep the rest.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SourceSpecification } from 'maplibre-gl';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { MapView, type MapFocus } from '../../../map/MapView';
import { FRANCE_VIEWPORT } from '../../../map/viewport';
import { patchParams, useSearchParams } from '../../url-state';
import type { PageProps } from '../../page-props';
import { boundaryLayers, landLayers, communeLabelsLayer } from '../../../features/boundaries/layers/boundary-layers';
import { SearchBox } from '../../../features/search/components/SearchBox';
import { useSearch } from '../../../features/search/api/search-communes';
import { useNearestOffers } from '../../../features/snp-finder/api/nearest-offers';
import { offersBbox, offersGeoJson } from '../../../features/snp-finder/offers-geojson';
import { snpLayers, SNP_OFFERS_ID, SNP_SOURCE } from '../../../features/snp-finder/layers/snp-layers';
import { SnpResults } from './SnpResults';

export function SnpPage({ baseStyle }: PageProps) {
  const params = useSearchParams();
  const q = params.get('q') ?? '';
  const commune = params.get('commune');
  const selected = params.get('offre');
  const view = params.get('vue') === 'carte' ? 'carte' : 'liste';
  const [focus, setFocus] = useState<MapFocus | null>(null);

  // `?q=` alone: take the first commune the search finds.
  const resolving = useSearch(commune ? '' : q);
  const first = resolving.data?.results[0];
  useEffect(() => {
    if (!commune && first) patchParams({ commune: first.code }, { replace: true });
  }, [commune, first]);

  const nearest = useNearestOffers(commune);
  useEffect(() => {
    if (nearest.data) setFocus({ bbox: offersBbox(nearest.data), key: `${commune}-${nearest.dataUpdatedAt}`, maxZoom: 13 });
  }, [nearest.data?.origine.code]);

  const sources = useMemo<Record<string, SourceSpecification>>(
    () => {
      const data = nearest.data;
      const out: Record<string, SourceSpecification> = {};
      if (data) out[SNP_SOURCE] = { type: 'geojson', data: offersGeoJson(data, selected) };
      return out;
    },
    [nearest.data, selected],
  );
  const layers = useMemo(() => [...landLayers, ...boundaryLayers, communeLabelsLayer, ...(nearest.data ? snpLayers : [])], [nearest.data]);

  // On a phone the map comes after the list's header: bring it into view when asked for.
  const mapRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (view === 'carte' && window.matchMedia('(max-width: 767px)').matches) mapRef.current?.scrollIntoView({ block: 'start' });
  }, [view]);

  const select = (id: string) => {
    patchParams({ offre: id }, { replace: true });
    document.getElementById(`offre-${id}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  return (
    <div className={`maillage-snp maillage-snp--${view}`}>
      <div className="maillage-snp__panel">
        <h1 className="fr-h3 fr-mb-1w">Soins non programmés près de chez vous</h1>
        <p className="fr-text--sm">
          Maisons médicales de garde, services d’urgence, maisons et centres de santé qui reçoivent sans rendez-vous programmé : les plus proches, ouverts ou non en ce moment.
        </p>
        <SearchBox
          key={commune ?? 'aucune'}
          label="Votre commune, code postal ou adresse"
          placeholder="ex. Colomiers, 31770, 12 rue de la Paix Nantes"
          initialQuery={q}
          onSelect={(r) => patchParams({ q: r.nom, commune: r.code, offre: null })}
        />
        {!commune && q && resolving.isFetched && !first && <p className="fr-text--sm">Aucune commune ne correspond à « {q} ».</p>}
        {commune && (
          <>
            <SegmentedControl
              small
              className="maillage-snp__switch fr-mb-2w"
              legend="Affichage"
              hideLegend
              segments={[
                { label: 'Liste', nativeInputProps: { checked: view === 'liste', onChange: () => patchParams({ vue: null }, { replace: true }) } },
                { label: 'Carte', nativeInputProps: { checked: view === 'carte', onChange: () => patchParams({ vue: 'carte' }, { replace: true }) } },
              ]}
            />
            <SnpResults query={nearest} selected={selected} onSelect={select} />
          </>
        )}
      </div>
      <div className="maillage-snp__map maillage-map-wrap" ref={mapRef}>
        <MapView
          baseStyle={baseStyle}
          sources={sources}
          layers={layers}
          viewport={FRANCE_VIEWPORT}
          clickableLayers={[SNP_OFFERS_ID]}
          onFeatureClick={(f) => select(String(f.properties.id))}
          focus={focus}
          label="Carte des offres de soins non programmés les plus proches"
        />
      </div>
    </div>
  );
}
