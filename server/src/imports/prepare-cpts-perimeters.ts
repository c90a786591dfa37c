/**
 * Drawn CPTS perimeters (GeoJSON) → CPTS and their communes: a commune is assigned when the
 * perimeter covers at least 50 % of its area (« entière » from 99 %, « partielle » below), and
 * every commune covered in part is reported with its share. Communes without own polygon follow
 * the commune that holds them. Candidates are found by bounding box; one intersection each.
 */
import type { Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { communeShapesInBox, containedCommunes } from '../db/import-queries';
import { classifyShare, communeShares } from '../geo/commune-coverage';
import type { Polygonal } from '../geo/validate-geometry';
import { bbox as turfBbox } from '@turf/turf';
import { summariseIssues, type FileIssues } from '../ingest/issue-list';
import { cptsWrite } from './import-write';
import { readCptsGeojson } from '../ingest/read-cpts-geojson';
import { mostFrequent, type PrepareContext, type PreparedImport } from './prepared-import';

const pct = (share: number) => `${Math.round(share * 100)} %`;

export async function prepareCptsPerimeters(db: Database, bytes: Uint8Array, ctx: PrepareContext, issues: FileIssues): Promise<PreparedImport> {
  const reading = readCptsGeojson(bytes);
  const { rejects, warnings } = issues;
  rejects.pushAll(reading.rejects);
  warnings.pushAll(reading.warnings);
  const cptsRows: Row[] = [];
  const communeRows: Row[] = [];
  const departements = new Set<string>();
  for (const p of reading.perimeters) {
    const box = turfBbox(p.geometry) as [number, number, number, number];
    const candidates = await communeShapesInBox(db, box);
    let shares;
    try {
      shares = communeShares(p.geometry, candidates.map((c) => ({ code: c.code, geometry: JSON.parse(c.geometry) as Polygonal })));
    } catch (err) {
      rejects.push({ line: p.line, ref: p.id, message: `entité n° ${p.line} : géométrie invalide (auto-intersection ?) : ${(err as Error).message}` });
      continue;
    }
    const byCode = new Map(candidates.map((c) => [c.code, c]));
    const assigned = new Map<string, 'entière' | 'partielle'>();
    for (const s of shares) {
      const cls = classifyShare(s.share);
      const c = byCode.get(s.code)!;
      if (cls !== 'non retenue') assigned.set(s.code, cls);
      if (cls !== 'entière') {
        warnings.push({
          line: p.line, ref: p.id,
          message: `entité n° ${p.line} (${p.id}) : ${c.nom} (${c.code}) couverte à ${pct(s.share)} — ${cls === 'partielle' ? 'retenue, couverture partielle' : 'non retenue (moins de 50 %)'}`,
        });
      }
    }
    if (assigned.size === 0) {
      rejects.push({ line: p.line, ref: p.id, message: `entité n° ${p.line} : aucune commune couverte à 50 % ou plus par le périmètre de ${p.id}` });
      continue;
    }
    for (const child of await containedCommunes(db, [...assigned.keys()])) assigned.set(child.code, assigned.get(child.parent)!);
    const memberDeps: string[] = [];
    for (const [code, coverage] of [...assigned].sort()) {
      const share = shares.find((s) => s.code === code)?.share;
      const dep = byCode.get(code)?.departement;
      if (dep) {
        departements.add(dep);
        memberDeps.push(dep);
      }
      communeRows.push({
        cpts_id: p.id, commune: code, coverage, note: share !== undefined && coverage === 'partielle' ? `couverte à ${pct(share)} par le périmètre importé` : null,
        source: p.source, demo: false, import_id: ctx.importId,
      });
    }
    cptsRows.push({
      id: p.id, name: p.name, status: p.status, status_date: p.statusDate, declared_population: p.declaredPopulation,
      headquarters_commune: null, headquarters_address: null, departement: mostFrequent(memberDeps), territory_note: 'périmètre dessiné importé (GeoJSON)', note: null,
      source: p.source, source_date: p.sourceDate, demo: false, import_id: ctx.importId,
    });
  }
  const deps = [...departements].sort();
  return {
    rowsRead: reading.rowsRead,
    rowsAccepted: reading.rowsRead - rejects.lines,
    ...summariseIssues(issues),
    summary: {
      CPTS: cptsRows.length,
      'communes retenues': communeRows.length,
      'dont en couverture partielle': communeRows.filter((r) => r.coverage === 'partielle').length,
    },
    write: cptsWrite(cptsRows, communeRows, deps),
  };
}
