/** What the address holds: territories and layers, read back exactly as written, defaults left out. */
import { describe, expect, it } from 'vitest';
import { formatTerritory, parseTerritory, territoryParam } from '../../../web/src/lib/territory';
import { DEFAULT_LAYERS, formatLayers, parseLayers, toggleLayer } from '../../../web/src/features/layers/layer-catalog';
import { matchRoute } from '../../../web/src/app/routes';

describe('territory in the address', () => {
  it('reads régions and départements, including Corsica and overseas, and falls back to France', () => {
    expect(parseTerritory('region:76')).toEqual({ kind: 'region', code: '76' });
    expect(parseTerritory('departement:2a')).toEqual({ kind: 'departement', code: '2A' });
    expect(parseTerritory('departement:974')).toEqual({ kind: 'departement', code: '974' });
    for (const bad of [null, '', 'region:7', 'commune:31149', 'departement:'] as const) expect(parseTerritory(bad)).toEqual({ kind: 'france' });
    expect(territoryParam({ kind: 'france' })).toBeNull();
    expect(formatTerritory(parseTerritory('departement:31'))).toBe('departement:31');
  });
});

describe('layers in the address', () => {
  it('uses the defaults when absent, none when « aucune », and writes back only what differs', () => {
    expect([...parseLayers(null)]).toEqual(DEFAULT_LAYERS);
    expect(parseLayers('aucune').size).toBe(0);
    expect([...parseLayers('sas,inconnue,cpts')].sort()).toEqual(['cpts', 'sas']);
    expect(formatLayers(parseLayers(null))).toBeNull();
    expect(formatLayers(new Set())).toBe('aucune');
    expect(formatLayers(toggleLayer(parseLayers(null), 'sas', true))).toBe('cpts,zones-blanches,structures,sas');
  });
});

describe('routes', () => {
  it('maps the three journeys and the CPTS directory', () => {
    expect(matchRoute('/')).toEqual({ page: 'explore' });
    expect(matchRoute('/snp')).toEqual({ page: 'snp' });
    expect(matchRoute('/cpts')).toEqual({ page: 'cpts-list' });
    expect(matchRoute('/cpts/REU-974-GRAND-SUD')).toEqual({ page: 'cpts', id: 'REU-974-GRAND-SUD' });
    expect(matchRoute('/cpts/a%20b')).toEqual({ page: 'cpts', id: 'a b' });
    expect(matchRoute('/ailleurs')).toEqual({ page: 'introuvable' });
  });
});
