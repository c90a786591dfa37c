/** The map shell's composition of feature contributions and feature-state sets. */
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { mergeContributions } from '../../../web/src/map/contribution';
import { mergeStateSets } from '../../../web/src/map/feature-states';

const layer = (id: string): LayerSpecification => ({ id, type: 'background' });

describe('map contributions', () => {
  it('keep the drawing order of the parts and gather sources, images and clickable layers', () => {
    const m = mergeContributions([
      { layers: [layer('a')], clickable: ['a'] },
      { layers: [layer('b'), layer('c')], sources: { s: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }, images: { i: { width: 1, height: 1, data: new Uint8Array(4) } } },
      { layers: [] },
    ]);
    expect(m.layers.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(m.sources)).toEqual(['s']);
    expect(Object.keys(m.images)).toEqual(['i']);
    expect(m.clickable).toEqual(['a']);
  });

  it('merge the feature states of two analyses joined to the same commune layer', () => {
    const sets = mergeStateSets([
      { source: 'maillage', sourceLayer: 'communes', version: 'bande:1', states: new Map([['31149', { bande: 0 }], ['31555', { bande: 1 }]]) },
      { source: 'maillage', sourceLayer: 'communes', version: '2sfca:1', states: new Map([['31149', { classe2sfca: 3 }]]) },
      { source: 'autre', version: 'x', states: new Map([[1, { a: true }]]) },
    ]);
    expect(sets).toHaveLength(2);
    expect(sets[0]!.version).toBe('bande:1+2sfca:1');
    expect(sets[0]!.states.get('31149')).toEqual({ bande: 0, classe2sfca: 3 });
    expect(sets[0]!.states.get('31555')).toEqual({ bande: 1 });
  });
});
