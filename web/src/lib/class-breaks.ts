/**
 * Class breaks of a choropleth: quantiles (as many values in each class) or Jenks natural breaks
 * (Fisher's exact optimisation: the partition of the sorted values into k classes that minimises
 * the sum of squared deviations from the class means).
 *
 * Jenks is O(k·n²): beyond `maxSample` values (default 1 000) it runs on that many evenly spaced
 * order statistics of the sorted values — what QGIS and most tools do — so a France-wide layer of
 * 35 000 communes is classed in a few milliseconds. Breaks are returned as the upper bound of each
 * class but the last: `k - 1` ascending numbers (fewer when there are fewer distinct values).
 */
export type ClassMethod = 'quantiles' | 'jenks';

export interface BreakOptions {
  /** Number of classes (default 5). */
  classes?: number;
  /** Jenks works on at most this many values (default 1 000). */
  maxSample?: number;
}

function sortedFinite(values: readonly number[]): number[] {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length !== values.length) throw new Error('valeurs non numériques dans la série à classer');
  return v.sort((a, b) => a - b);
}

function checkClasses(k: number) {
  if (!Number.isInteger(k) || k < 1 || k > 12) throw new Error(`nombre de classes ${k} invalide : entier de 1 à 12 attendu`);
}

const dedupe = (breaks: number[]) => breaks.filter((b, i) => i === 0 || b > breaks[i - 1]!);

export function quantileBreaks(values: readonly number[], { classes = 5 }: BreakOptions = {}): number[] {
  checkClasses(classes);
  const s = sortedFinite(values);
  if (s.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) breaks.push(s[Math.min(s.length - 1, Math.ceil((i * s.length) / classes) - 1)]!);
  return dedupe(breaks).filter((b) => b < s[s.length - 1]!);
}

/** Evenly spaced order statistics of a sorted array (keeps min and max). */
function sample(sorted: number[], max: number): number[] {
  if (sorted.length <= max) return sorted;
  return Array.from({ length: max }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (max - 1))]!);
}

export function jenksBreaks(values: readonly number[], { classes = 5, maxSample = 1000 }: BreakOptions = {}): number[] {
  checkClasses(classes);
  const s = sample(sortedFinite(values), maxSample);
  const n = s.length;
  if (n === 0) return [];
  const k = Math.min(classes, n);
  // Prefix sums give the squared deviation of any run s[i..j] in O(1).
  const sum = new Float64Array(n + 1);
  const sq = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    sum[i + 1] = sum[i]! + s[i]!;
    sq[i + 1] = sq[i]! + s[i]! * s[i]!;
  }
  const ssd = (i: number, j: number) => {
    const m = j - i + 1;
    const t = sum[j + 1]! - sum[i]!;
    return sq[j + 1]! - sq[i]! - (t * t) / m;
  };
  // cost[c][j]: best cost of the first j+1 values in c+1 classes; start[c][j]: first index of the last class.
  const cost = Array.from({ length: k }, () => new Float64Array(n).fill(Infinity));
  const start = Array.from({ length: k }, () => new Int32Array(n));
  for (let j = 0; j < n; j++) cost[0]![j] = ssd(0, j);
  for (let c = 1; c < k; c++) {
    for (let j = c; j < n; j++) {
      for (let i = c; i <= j; i++) {
        const v = cost[c - 1]![i - 1]! + ssd(i, j);
        if (v < cost[c]![j]!) {
          cost[c]![j] = v;
          start[c]![j] = i;
        }
      }
    }
  }
  const breaks: number[] = [];
  let j = n - 1;
  for (let c = k - 1; c > 0; c--) {
    const i = start[c]![j]!;
    breaks.unshift(s[i - 1]!);
    j = i - 1;
  }
  return dedupe(breaks).filter((b) => b < s[n - 1]!);
}

export function classBreaks(values: readonly number[], method: ClassMethod, options: BreakOptions = {}): number[] {
  return method === 'jenks' ? jenksBreaks(values, options) : quantileBreaks(values, options);
}

/** Class index of a value: the first break ≥ value, or the last class. */
export function classOf(value: number, breaks: readonly number[]): number {
  const i = breaks.findIndex((b) => value <= b);
  return i === -1 ? breaks.length : i;
}
