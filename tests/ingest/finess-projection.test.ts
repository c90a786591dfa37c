/**
 * FINESS coordinates are projected; the system is the last token of `sourcecoordet`, in the three
 * wordings FINESS has used. Control values: pyproj, as published with a public FINESS parser.
 */
import { describe, expect, it } from 'vitest';
import { fromWgs84, projectionOf, toWgs84 } from '../../server/src/ingest/finess-projection';

const round5 = ([lon, lat]: [number, number]) => [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];

describe('projections named by sourcecoordet', () => {
  it('reads the historical names, the L93_METROPOLE wording and the EPSG wording', () => {
    expect(projectionOf('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93')).toBe('LAMBERT_93');
    expect(projectionOf('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_N20')).toBe('UTM_N20');
    expect(projectionOf('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_N22')).toBe('UTM_N22');
    expect(projectionOf('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S40')).toBe('UTM_S40');
    expect(projectionOf('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S38')).toBe('UTM_S38');
    expect(projectionOf('1,ATLASANTE,96,BAN,L93_METROPOLE')).toBe('LAMBERT_93');
    expect(projectionOf('2,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)')).toBe('LAMBERT_93');
    expect(projectionOf('2,ATLASANTE,96,BAN,EPSG:5490 RGAF09/UTM Zone 20N (Antilles)')).toBe('UTM_N20');
    expect(projectionOf('2,ATLASANTE,100,BDADRESSE,EPSG:4471 RGM04/UTM zone 38S (Mayotte)')).toBe('UTM_S38');
    expect(projectionOf('2,ATLASANTE,90,BAN,WGS84/UTM zone 21N (St-Pierre-et-Miquelon)')).toBe('UTM_N21');
  });

  it('names no projection for an unknown or empty system', () => {
    expect(projectionOf('')).toBeNull();
    expect(projectionOf('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_2E')).toBeNull();
    expect(projectionOf('2,ATLASANTE,96,BAN,EPSG:9999 inconnu')).toBeNull();
  });
});

describe('reprojection to WGS84', () => {
  it('matches pyproj for Lambert 93 and the four overseas UTM zones', () => {
    expect(round5(toWgs84(870262.2, 6571540.8, 'LAMBERT_93'))).toEqual([5.20918, 46.22229]); // CH de Fleyriat (01)
    expect(round5(toWgs84(657242.9, 1795384.4, 'UTM_N20'))).toEqual([-61.52874, 16.234]); // Les Abymes (971)
    expect(round5(toWgs84(353672.8, 544349.1, 'UTM_N22'))).toEqual([-52.31973, 4.92347]); // Cayenne (973)
    expect(round5(toWgs84(323086.6, 7679599.8, 'UTM_S40'))).toEqual([55.29821, -20.97571]); // La Réunion
    expect(round5(toWgs84(524819.9, 8587194.7, 'UTM_S38'))).toEqual([45.22868, -12.77989]); // Mayotte
  });

  it('goes back and forth to the decimetre FINESS writes', () => {
    const [x, y] = fromWgs84(1.339267, 43.598769, 'LAMBERT_93'); // MMG de Colomiers
    expect([x, y]).toEqual([565871.1, 6279156.5]);
    expect(round5(toWgs84(x, y, 'LAMBERT_93'))).toEqual([1.33927, 43.59877]);
  });
});
