/**
 * Joins the COG communes of the chosen scope with their contours and checks the invariants of
 * that join: no duplicate code, valid rings inside France, contours agree with the COG, and every
 * commune has a polygon — except those documented as contained in a parent polygon.
 */
import type { CogCommune } from '../../server/src/ingest/cog-lists';
import type { ContourFeature } from '../../server/src/ingest/contours';
import { envelopeOf } from '../../server/src/geo/france-extent';
import { validateGeometry, type Polygonal } from '../../server/src/geo/validate-geometry';
import { assertNoProblems } from './invariant-error';
import { ATTACHED_COMMUNE_PARENTS } from './attached-communes';

export interface JoinedCommune {
  cog: CogCommune;
  /** Own polygon, or null for a commune contained in `parent`. */
  geometry: Polygonal | null;
  parent: string | null;
  geometrySource: string;
  geometryMillesime: number | null;
}

export interface JoinOptions {
  /** Régions to keep (all when empty). */
  regions: string[];
  documentedWithoutPolygon: Set<string>;
  /** Describes the contour file when its features carry no `geom_src`. */
  defaultGeometrySource: string;
  defaultGeometryMillesime: number | null;
}

const COM_DEPARTEMENT = /^(975|977|978|98\d)$/;

export function joinCommunes(cogCommunes: CogCommune[], contours: ContourFeature[], opts: JoinOptions): JoinedCommune[] {
  const scope = opts.regions.length > 0 ? new Set(opts.regions) : null;
  const cogByCode = new Map(cogCommunes.map((c) => [c.code, c]));
  const inScope = cogCommunes.filter((c) => !scope || scope.has(c.region));

  // 1. Duplicate codes in the contour file.
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  for (const f of contours) {
    const first = seen.get(f.code);
    if (first !== undefined) duplicates.push(`code ${f.code} en double (entités n° ${first} et ${f.index})`);
    else seen.set(f.code, f.index);
  }
  assertNoProblems('codes de commune en double dans les contours', duplicates);

  // 2. Contours of unknown codes, or that disagree with the COG.
  const mismatches: string[] = [];
  const byCode = new Map<string, ContourFeature>();
  for (const f of contours) {
    const cog = cogByCode.get(f.code);
    const dep = (f.properties.dep ?? f.properties.departement) as string | undefined;
    if (!cog) {
      if (dep && COM_DEPARTEMENT.test(dep)) continue; // collectivités d'outre-mer: out of scope
      mismatches.push(`contour ${f.code} : code absent du COG (entité n° ${f.index})`);
      continue;
    }
    if (dep !== undefined && dep !== cog.departement) {
      mismatches.push(`contour ${f.code} : département ${dep} dans les contours, ${cog.departement} dans le COG`);
    }
    if (scope && !scope.has(cog.region)) continue;
    byCode.set(f.code, f);
  }
  assertNoProblems('contours incohérents avec le COG', mismatches);

  // 3. Geometry validity (closed rings of ≥ 4 positions, inside France, non-zero area).
  const invalid: string[] = [];
  for (const [code, f] of byCode) {
    const cog = cogByCode.get(code)!;
    for (const p of validateGeometry(f.geometry, envelopeOf(cog.departement))) invalid.push(`commune ${code} (${cog.nom}) : ${p}`);
  }
  assertNoProblems('géométries invalides', invalid);

  // 4. Every commune has a polygon, or is documented as contained in a parent that has one.
  const missing: string[] = [];
  const joined: JoinedCommune[] = [];
  for (const cog of inScope) {
    const f = byCode.get(cog.code);
    if (f) {
      const src = f.properties.geom_src as string | undefined;
      const mil = f.properties.geom_millesime as string | number | undefined;
      joined.push({
        cog,
        geometry: f.geometry as Polygonal,
        parent: null,
        geometrySource: src ?? opts.defaultGeometrySource,
        geometryMillesime: mil !== undefined ? Number(mil) : opts.defaultGeometryMillesime,
      });
      continue;
    }
    const parent = ATTACHED_COMMUNE_PARENTS[cog.code];
    const parentCog = parent ? cogByCode.get(parent) : undefined;
    if (!opts.documentedWithoutPolygon.has(cog.code) || !parent || !parentCog) {
      missing.push(`commune ${cog.code} (${cog.nom}, département ${cog.departement}) sans géométrie et non documentée`);
    } else if (parentCog.departement !== cog.departement || !byCode.has(parent)) {
      missing.push(`commune ${cog.code} (${cog.nom}) : la commune qui la contient (${parent}) n'a pas de polygone dans ce périmètre`);
    } else {
      joined.push({ cog, geometry: null, parent, geometrySource: `contenue dans le polygone de ${parent} (${parentCog.nom})`, geometryMillesime: null });
    }
  }
  assertNoProblems('communes du COG sans géométrie', missing);
  return joined;
}
