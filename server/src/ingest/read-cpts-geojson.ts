/**
 * Reader of CPTS perimeters drawn elsewhere (QGIS, uMap…): a GeoJSON FeatureCollection in WGS84,
 * one Polygon or MultiPolygon per CPTS, with properties `id_cpts`, `nom`, `statut` (and
 * optionally `date_statut`, `population_declaree`, `source`, `date_source`; `source` may be given
 * once at the top of the file). Communes are assigned later, by the import, from the geometry.
 */
import type { CptsStatus } from '../db/care-schema';
import { envelopeOf, inBBox } from '../geo/france-extent';
import { validateGeometry, type Polygonal } from '../geo/validate-geometry';
import { cptsStatusOfFile } from './care-vocabulary';
import { IDENTIFIER, nonNegativeInteger, partialDate } from './field-values';
import { FileFormatError, type LineIssue } from './line-issue';
import { sniffWrongFile } from './sniff-file';

export interface CptsPerimeterInput {
  /** 1-based number of the feature in the collection. */
  line: number;
  id: string;
  name: string;
  status: CptsStatus;
  statusDate: string | null;
  declaredPopulation: number | null;
  source: string;
  sourceDate: string | null;
  geometry: Polygonal;
}

export interface CptsGeojsonReading {
  perimeters: CptsPerimeterInput[];
  rejects: LineIssue[];
  warnings: LineIssue[];
  rowsRead: number;
}

const ZONES = ['75', '971', '972', '973', '974', '976'];

function firstPosition(g: Polygonal): number[] | undefined {
  return g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
}

/**
 * Sane sizes (issue 11): a CPTS perimeter drawn from commune contours at full IGN resolution has
 * a few tens of thousands of vertices; checking and covering 250 000 took 47 s of one core.
 */
export const MAX_VERTICES_PER_PERIMETER = 200_000;
export const MAX_VERTICES_PER_FILE = 2_000_000;

function vertexCount(g: Polygonal): number {
  const coords = (g as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(coords)) return 0;
  const polygons = (g as { type: string }).type === 'Polygon' ? [coords] : coords;
  let n = 0;
  for (const polygon of polygons) if (Array.isArray(polygon)) for (const ring of polygon) if (Array.isArray(ring)) n += ring.length;
  return n;
}

/** Where JSON.parse stopped, in French (its own message is English): « ligne L, colonne C ». */
function jsonErrorPlace(text: string, err: Error): string {
  const position = /position (\d+)/.exec(err.message)?.[1];
  if (position === undefined) return /end of (JSON )?input/i.test(err.message) ? 'fin du texte atteinte avant la fin du JSON' : 'syntaxe JSON invalide';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  return `syntaxe JSON invalide ligne ${line}, colonne ${Number(position) - before.lastIndexOf('\n')}`;
}

export function readCptsGeojson(bytes: Uint8Array): CptsGeojsonReading {
  const wrong = sniffWrongFile(bytes, 'geojson');
  if (wrong) throw new FileFormatError(wrong);
  let doc: { type?: string; features?: unknown; source?: unknown };
  const text = new TextDecoder().decode(bytes);
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FileFormatError(`GeoJSON illisible (${jsonErrorPlace(text, err as Error)}) : fichier tronqué ou mal formé ?`);
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new FileFormatError(`Une FeatureCollection GeoJSON est attendue (lu : type « ${doc?.type ?? '?'} »).`);
  }
  const fileSource = typeof doc.source === 'string' ? doc.source : null;
  const rejects: LineIssue[] = [];
  const warnings: LineIssue[] = [];
  const perimeters: CptsPerimeterInput[] = [];
  const seen = new Map<string, number>();
  let totalVertices = 0;
  doc.features.forEach((raw, i) => {
    const line = i + 1;
    const f = raw as { properties?: Record<string, unknown>; geometry?: Polygonal };
    const p = f.properties ?? {};
    const text = (k: string) => (p[k] === undefined || p[k] === null ? '' : String(p[k]).trim());
    const id = text('id_cpts') || text('id') || text('code');
    const reject = (message: string) => rejects.push({ line, ref: id || undefined, message: `entité n° ${line} : ${message}` });
    if (!IDENTIFIER.test(id)) return reject(`propriété id_cpts « ${id} » absente ou invalide`);
    if (seen.has(id)) return reject(`CPTS ${id} en double (déjà entité n° ${seen.get(id)})`);
    if (!text('nom')) return reject('propriété nom absente');
    const source = text('source') || fileSource;
    if (!source) return reject('propriété source absente (ou « source » en tête de la FeatureCollection)');
    const status = cptsStatusOfFile(text('statut'));
    if (!status.ok) return reject(status.message);
    if (status.value.warning) warnings.push({ line, ref: id, message: `entité n° ${line} : ${status.value.warning}` });
    const date = text('date_statut') ? partialDate(text('date_statut')) : null;
    const sourceDate = text('date_source') ? partialDate(text('date_source')) : null;
    const population = text('population_declaree') ? nonNegativeInteger(text('population_declaree')) : null;
    const bad = [date, sourceDate, population].find((x) => x && !x.ok);
    if (bad && !bad.ok) return reject(bad.message);
    const g = f.geometry;
    const type = (g as { type?: string } | undefined)?.type;
    if (!g || (type !== 'Polygon' && type !== 'MultiPolygon')) return reject(`géométrie ${type ?? 'absente'} : Polygon ou MultiPolygon attendu`);
    const first = firstPosition(g);
    const zone = first && ZONES.find((z) => inBBox(Number(first[0]), Number(first[1]), envelopeOf(z)));
    if (!zone) {
      return reject(`coordonnées hors de France (${first?.slice(0, 2).join(', ') ?? '?'}) : le GeoJSON doit être en WGS84 (longitude, latitude), pas en Lambert 93`);
    }
    const vertices = vertexCount(g);
    if (vertices > MAX_VERTICES_PER_PERIMETER) {
      return reject(`${vertices.toLocaleString('fr-FR')} sommets : ${MAX_VERTICES_PER_PERIMETER.toLocaleString('fr-FR')} au plus par périmètre. Simplifiez le contour (QGIS › Vecteur › Géométrie › Simplifier, tolérance 0,0001° ≈ 10 m).`);
    }
    totalVertices += vertices;
    if (totalVertices > MAX_VERTICES_PER_FILE) {
      throw new FileFormatError(`Fichier trop détaillé : plus de ${MAX_VERTICES_PER_FILE.toLocaleString('fr-FR')} sommets au total (atteint à l'entité n° ${line}). Simplifiez les contours (tolérance ≈ 10 m) ou découpez le fichier.`);
    }
    const problems = validateGeometry(g, envelopeOf(zone));
    if (problems.length > 0) return reject(`géométrie invalide : ${problems[0]}`);
    seen.set(id, line);
    perimeters.push({
      line, id, name: text('nom'), status: status.value.status, statusDate: date?.ok ? date.value : null,
      declaredPopulation: population?.ok ? population.value : null, source, sourceDate: sourceDate?.ok ? sourceDate.value : null, geometry: g,
    });
  });
  if (doc.features.length === 0) throw new FileFormatError('La FeatureCollection ne contient aucune entité.');
  return { perimeters, rejects, warnings, rowsRead: doc.features.length };
}
