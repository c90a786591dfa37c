/**
 * The finder of soins non programmés (public and professionals): type a commune, a postcode or an
 * address → the nearest offers with distance, kind, hours and state now, the SAS to call, a route.
 * `/snp?q=Colomiers` opens on the first commune found; `commune=` (or `position=lon,lat` after « me
 * localiser »), `ouvert=maintenant|ce-soir`, `offre=`, `vue=` keep the rest.
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
import { useNearestOffers, type OpenFilter, type SnpOrigin } from '../../../features/snp-finder/api/nearest-offers';
import { OpenFilterControl } from '../../../features/snp-finder/components/OpenFilterControl';
import { LocateButton } from '../../../features/snp-finder/components/LocateButton';
import { offersBbox, offersGeoJson } from '../../../features/snp-finder/offers-geojson';
import { snpLayers, SNP_OFFERS_ID, SNP_SOURCE } from '../../../features/snp-finder/layers/snp-layers';
import { SnpResults } from './SnpResults';

export function SnpPage({ baseStyle }: PageProps) {
  const params = useSearchParams();
  const q = params.get('q') ?? '';
  const commune = params.get('commune');
  const selected = params.get('offre');
  const view = params.get('vue') === 'carte' ? 'carte' : 'liste';
  const openParam = params.get('ouvert');
  const filter: OpenFilter | null = openParam === 'maintenant' || openParam === 'ce-soir' ? openParam : null;
  const position = parsePosition(params.get('position'));
  const origin: SnpOrigin | null = commune ? { commune } : position;
  const [focus, setFocus] = useState<MapFocus | null>(null);

  // `?q=` alone: take the first commune the search finds.
  const resolving = useSearch(commune || position ? '' : q);
  const first = resolving.data?.results[0];
  useEffect(() => {
    if (!commune && first) patchParams({ commune: first.code }, { replace: true });
  }, [commune, first]);

  const nearest = useNearestOffers(origin, filter);
  const focusKey = nearest.data ? `${nearest.data.origine.code}-${nearest.data.origine.lon}-${filter}` : null;
  useEffect(() => {
    if (nearest.data) setFocus({ bbox: offersBbox(nearest.data), key: `${focusKey}-${nearest.dataUpdatedAt}`, maxZoom: 13 });
  }, [focusKey]);

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
        <h1 className="fr-h4 fr-mb-1w">Soins non programmés près de chez vous</h1>
        <SearchBox
          key={commune ?? params.get('position') ?? 'aucune'}
          label="Votre commune, code postal ou adresse"
          placeholder="ex. Colomiers, 31770, 12 rue de la Paix Nantes"
          initialQuery={q}
          onSelect={(r) => patchParams({ q: r.nom, commune: r.code, position: null, offre: null })}
        />
        <LocateButton
          onLocated={(p) => patchParams({ position: `${p.lon},${p.lat}`, commune: null, q: null, offre: null })}
          onFallback={() => document.querySelector<HTMLInputElement>('.maillage-snp .maillage-search input')?.focus()}
        />
        {!origin && (
          <p className="fr-text--sm">
            Maisons médicales de garde, services d’urgence, maisons et centres de santé qui reçoivent sans rendez-vous programmé : les plus proches, ouverts ou non en ce moment.
          </p>
        )}
        {!commune && !position && q && resolving.isFetched && !first && <p className="fr-text--sm">Aucune commune ne correspond à « {q} ».</p>}
        {origin && (
          <>
            <SegmentedControl
              className="maillage-snp__switch fr-mb-2w"
              legend="Affichage"
              hideLegend
              segments={[
                { label: 'Liste', nativeInputProps: { checked: view === 'liste', onChange: () => patchParams({ vue: null }, { replace: true }) } },
                { label: 'Carte', nativeInputProps: { checked: view === 'carte', onChange: () => patchParams({ vue: 'carte' }, { replace: true }) } },
              ]}
            />
            <OpenFilterControl value={filter} onChange={(v) => patchParams({ ouvert: v, offre: null }, { replace: true })} />
            <SnpResults
              query={nearest}
              selected={selected}
              onSelect={select}
              filter={filter}
              onFilter={(v) => patchParams({ ouvert: v, offre: null }, { replace: true })}
              fromPosition={!commune && position !== null}
            />
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

/** `position=1.32949,43.61102` (lon,lat) → a point, or null when absent or unreadable. */
function parsePosition(value: string | null): { lon: number; lat: number } | null {
  const [lon, lat] = (value ?? '').split(',').map(Number);
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lon, lat };
}
