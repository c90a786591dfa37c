/**
 * The finder of soins non programmés (public and professionals): type a commune, a postcode or an
 * address → the nearest offers with distance, kind, hours and state now, the SAS to call, a route.
 * `/snp?q=Colomiers` opens on the first commune found; `commune=` (or `position=lon,lat` after « me
 * localiser »), `ouvert=maintenant|ce-soir`, `offre=`, `vue=` keep the rest.
 * The list comes first: the page does not wait for the base map, and the map (SnpMap, with
 * MapLibre, a chunk of its own) is fetched only once the list is shown.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import type { MapFocus } from '../../../map/MapView';
import { patchParams, useSearchParams } from '../../url-state';
import type { PageProps } from '../../page-props';
import { SearchBox } from '../../../features/search/components/SearchBox';
import { useSearch } from '../../../features/search/api/search-communes';
import { useNearestOffers, type OpenFilter, type SnpOrigin } from '../../../features/snp-finder/api/nearest-offers';
import { OpenFilterControl } from '../../../features/snp-finder/components/OpenFilterControl';
import { LocateButton } from '../../../features/snp-finder/components/LocateButton';
import { offersBbox } from '../../../features/snp-finder/offers-geojson';
import { SnpResults } from './SnpResults';

const SnpMap = lazy(() => import('./SnpMap'));

/** The base map may still be resolving when the page is shown (App.tsx does not wait for it here). */
export type SnpPageProps = Omit<PageProps, 'baseStyle'> & { baseStyle: StyleSpecification | null };

export function SnpPage({ baseStyle }: SnpPageProps) {
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

  // The map's code and tiles only once the list is there (or when there is no list to wait for).
  const mapWanted = !origin ? !q || resolving.isFetched : Boolean(nearest.data) || nearest.isError;

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
        {baseStyle && mapWanted && (
          <Suspense fallback={null}>
            <SnpMap baseStyle={baseStyle} data={nearest.data} pending={nearest.isFetching} selected={selected} focus={focus} onSelect={select} />
          </Suspense>
        )}
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
