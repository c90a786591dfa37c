/**
 * Values joined to map features by id — the per-commune figures of an analysis joined to the
 * commune polygons of the vector tiles — read by `feature-state` expressions in paint properties.
 * A set is re-applied only when its `version` changes.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface FeatureStateSet {
  source: string;
  sourceLayer?: string;
  /** Changes whenever `states` changes (e.g. the query key of the data). */
  version: string;
  states: ReadonlyMap<string | number, Record<string, unknown>>;
}

const setKey = (s: Pick<FeatureStateSet, 'source' | 'sourceLayer'>) => `${s.source}/${s.sourceLayer ?? ''}`;

/** Applies the sets; returns the versions now applied, by source/layer. */
export function applyFeatureStates(map: MapLibreMap, applied: Map<string, string>, sets: FeatureStateSet[]): Map<string, string> {
  const next = new Map<string, string>();
  const wanted = new Map(sets.map((s) => [setKey(s), s]));
  for (const key of applied.keys()) {
    if (wanted.has(key)) continue;
    const [source, sourceLayer] = key.split('/');
    if (map.getSource(source!)) map.removeFeatureState({ source: source!, sourceLayer: sourceLayer || undefined });
  }
  for (const [key, set] of wanted) {
    next.set(key, set.version);
    if (applied.get(key) === set.version || !map.getSource(set.source)) continue;
    map.removeFeatureState({ source: set.source, sourceLayer: set.sourceLayer });
    for (const [id, state] of set.states) map.setFeatureState({ source: set.source, sourceLayer: set.sourceLayer, id }, state);
  }
  return next;
}

/** Merges the sets that target the same source/layer (their states by id, their versions). */
export function mergeStateSets(sets: FeatureStateSet[]): FeatureStateSet[] {
  const byKey = new Map<string, FeatureStateSet>();
  for (const set of sets) {
    const key = setKey(set);
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, set);
      continue;
    }
    const states = new Map(prev.states);
    for (const [id, state] of set.states) states.set(id, { ...states.get(id), ...state });
    byKey.set(key, { ...prev, version: `${prev.version}+${set.version}`, states });
  }
  return [...byKey.values()];
}
