/**
 * What one thematic feature adds to the map: sources, layers (in drawing order), images, feature
 * states and the layers that answer clicks. The page merges the contributions in drawing order.
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { FeatureStateSet } from './feature-states';
import type { MapImage } from './sync-style';

export interface MapContribution {
  sources?: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  images?: Record<string, MapImage>;
  featureStates?: FeatureStateSet[];
  clickable?: string[];
}

export const EMPTY_CONTRIBUTION: MapContribution = { layers: [] };

export interface MergedContribution {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  images: Record<string, MapImage>;
  featureStates: FeatureStateSet[];
  clickable: string[];
}

export function mergeContributions(parts: MapContribution[]): MergedContribution {
  const merged: MergedContribution = { sources: {}, layers: [], images: {}, featureStates: [], clickable: [] };
  for (const p of parts) {
    Object.assign(merged.sources, p.sources);
    merged.layers.push(...p.layers);
    Object.assign(merged.images, p.images);
    merged.featureStates.push(...(p.featureStates ?? []));
    merged.clickable.push(...(p.clickable ?? []));
  }
  return merged;
}
