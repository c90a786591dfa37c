/**
 * Every emergency site of France in the embedded default (France build), checked against the
 * mirror's SAE 2021 files read with a plain split: one structure per site, in its SAE département,
 * its point inside that département (the polygon of its commune there), the sites without FINESS
 * coordinates at commune precision and said so, the hand-listed sites merged by FINESS number,
 * the yearly visits kept.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTSIDE_GEOGRAPHY } from '../../scripts/build/care-default/default-emergency-sites';
import { france, type France } from '../helpers/france';
import { saeSites } from '../helpers/sae-sites';

let F: France;
let rows: { id: string; finess: string; departement: string; commune: string; lon: number; lat: number; precision: string; note: string; visits: number | null; name: string; source: string; geometry: string }[];
beforeAll(async () => {
  F = await france();
  rows = await F.db.all(`SELECT s.id, s.finess_et AS finess, c.departement, s.commune, s.lon, s.lat, s.location_precision AS precision, s.note,
      s.visits_per_year AS visits, s.name, s.source, coalesce(p.geometry, c.geometry) AS geometry
    FROM structures s JOIN communes c ON c.code = s.commune LEFT JOIN communes p ON p.code = c.contained_in WHERE s.kind = 'SU' ORDER BY s.id`);
});

describe('emergency sites of the embedded default', () => {
  it('holds every SAE 2021 site (624 in 101 départements) but the two of Saint-Martin and Saint-Barthélemy, outside the geography', () => {
    const sae = saeSites();
    expect(sae).toHaveLength(624);
    expect(new Set(sae.map((s) => s.departement)).size).toBe(101);
    const placeable = sae.filter((s) => !OUTSIDE_GEOGRAPHY[s.commune]);
    expect(sae.length - placeable.length).toBe(2);
    expect(rows.map((r) => r.finess).sort()).toEqual(placeable.map((s) => s.finess).sort());
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => `su:${r.finess}`));
    expect(new Set(rows.map((r) => r.departement)).size).toBe(101);
  });

  it('puts every site in its SAE département, its point inside the polygon of its commune there', () => {
    const sae = new Map(saeSites().map((s) => [s.finess, s]));
    expect(rows.filter((r) => r.departement !== sae.get(r.finess)!.departement).map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => !booleanPointInPolygon([r.lon, r.lat], JSON.parse(r.geometry))).map((r) => r.id)).toEqual([]);
  });

  it('places the 16 sites without FINESS coordinates at their commune, and says so', () => {
    const without = new Set(saeSites().filter((s) => !s.withCoordinates && !OUTSIDE_GEOGRAPHY[s.commune]).map((s) => s.finess));
    expect(without.size).toBe(16);
    const placed = rows.filter((r) => without.has(r.finess));
    expect(placed.every((r) => r.precision === 'commune' && /sans coordonnées FINESS : placé au point de la commune/.test(r.note))).toBe(true);
    // Coordinates that fall outside the département are not used either (and said).
    const commune = rows.filter((r) => r.precision === 'commune');
    expect(commune.filter((r) => !without.has(r.finess)).every((r) => /hors du département/.test(r.note))).toBe(true);
  });

  it('merges the 13 hand-listed sites into theirs by FINESS number, keeping their names, notes and sources, and keeps the visits', () => {
    const nantes = rows.find((r) => r.finess === '440000271')!;
    expect(nantes).toMatchObject({ name: 'CHU de Nantes', visits: 78_719 + 34_121 });
    expect(nantes.source).toMatch(/francebleu\.fr.*DREES, SAE 2021/);
    const ancenis = rows.find((r) => r.finess === '440000396')!;
    expect(ancenis.note).toMatch(/^urgences fermées la nuit \(17h-8h30\) depuis le 10 févr\. 2023/);
    expect(rows.filter((r) => /https?:/.test(r.source))).toHaveLength(13);
    expect(rows.filter((r) => r.visits === null)).toEqual([]);
  });
});
