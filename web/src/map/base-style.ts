/**
 * The base map: IGN Géoplateforme « PLAN IGN » vector style when configured and reachable, our
 * own offline style otherwise (background + the boundaries of our own tiles). Either way the
 * `maillage` vector source (our communes, départements, régions) is added for the feature layers.
 */
import type { StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';

export type BasemapSetting = 'auto' | 'ign' | 'offline';
export type BasemapKind = 'ign' | 'offline';

export const IGN_STYLE_URL = 'https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json';
export const MAILLAGE_SOURCE = 'maillage';
/**
 * The départements and régions alone (`/api/tiles/limites/…`): land, boundaries and département
 * layers read it, so that the France and région views fetch no commune polygon until a layer of
 * MAILLAGE_SOURCE needs them (MapLibre fetches a source's tiles only for its visible layers).
 */
export const BOUNDARY_SOURCE = 'maillage-limites';
export const OFFLINE_BACKGROUND = '#dfe8f1';

/** `tilesVersion` (GET /api/config) makes tile URLs change with each build, so tiles are cached for good. */
export function maillageSource(origin: string, millesime: number, tilesVersion?: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/api/tiles/{z}/{x}/{y}.pbf${tilesVersion ? `?v=${encodeURIComponent(tilesVersion)}` : ''}`],
    minzoom: 0,
    maxzoom: 9,
    promoteId: { communes: 'code' },
    attribution: `Contours IGN ADMIN EXPRESS, INSEE COG ${millesime} — Maillage`,
  };
}

export function boundarySource(origin: string, tilesVersion?: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/api/tiles/limites/{z}/{x}/{y}.pbf${tilesVersion ? `?v=${encodeURIComponent(tilesVersion)}` : ''}`],
    minzoom: 0,
    maxzoom: 9,
    promoteId: { departements: 'code' },
  };
}

export function offlineStyle(origin: string, millesime: number, tilesVersion?: string): StyleSpecification {
  return {
    version: 8,
    name: 'Maillage hors ligne',
    // No glyphs URL: MapLibre draws labels with local fonts (Marianne from the DSFR, else sans-serif).
    sources: { [MAILLAGE_SOURCE]: maillageSource(origin, millesime, tilesVersion), [BOUNDARY_SOURCE]: boundarySource(origin, tilesVersion) },
    layers: [{ id: 'fond', type: 'background', paint: { 'background-color': OFFLINE_BACKGROUND } }],
  };
}

async function fetchIgnStyle(timeoutMs: number): Promise<StyleSpecification> {
  const res = await fetch(IGN_STYLE_URL, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`PLAN IGN : HTTP ${res.status}`);
  return (await res.json()) as StyleSpecification;
}

/** Resolves the configured base map; `auto` tries PLAN IGN for a few seconds, then goes offline. */
export async function resolveBaseStyle(setting: BasemapSetting, origin: string, millesime: number, tilesVersion?: string): Promise<{ style: StyleSpecification; kind: BasemapKind }> {
  if (setting !== 'offline') {
    try {
      const ign = await fetchIgnStyle(setting === 'auto' ? 2500 : 10_000);
      return { style: { ...ign, sources: { ...ign.sources, [MAILLAGE_SOURCE]: maillageSource(origin, millesime, tilesVersion), [BOUNDARY_SOURCE]: boundarySource(origin, tilesVersion) } }, kind: 'ign' };
    } catch {
      /* unreachable: fall back to the offline style */
    }
  }
  return { style: offlineStyle(origin, millesime, tilesVersion), kind: 'offline' };
}
