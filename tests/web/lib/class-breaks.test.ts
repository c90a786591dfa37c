/** Class breaks of the 2SFCA layer: Jenks against an exhaustive search, quantiles by counting. */
import { describe, expect, it } from 'vitest';
import { classOf, jenksBreaks, quantileBreaks } from '../../../web/src/lib/class-breaks';
import { seededRandom } from '../../../scripts/bench/harness';

/** Sum of squared deviations of the classes cut at `breaks` (upper bounds). */
function cost(sorted: number[], breaks: number[]): number {
  const classes: number[][] = Array.from({ length: breaks.length + 1 }, () => []);
  for (const v of sorted) classes[classOf(v, breaks)]!.push(v);
  return classes.reduce((s, c) => {
    if (c.length === 0) return s;
    const m = c.reduce((a, b) => a + b, 0) / c.length;
    return s + c.reduce((a, b) => a + (b - m) ** 2, 0);
  }, 0);
}

/** Every way to cut n sorted values into k non-empty runs: the best cost. */
function bruteForce(sorted: number[], k: number): number {
  let best = Infinity;
  const cut = (start: number, left: number, breaks: number[]) => {
    if (left === 1) {
      best = Math.min(best, cost(sorted, breaks));
      return;
    }
    for (let i = start; i <= sorted.length - left; i++) cut(i + 1, left - 1, [...breaks, sorted[i]!]);
  };
  cut(0, k, []);
  return best;
}

describe('jenksBreaks', () => {
  it('finds a partition as good as the best of all partitions (random series, 3 to 5 classes)', () => {
    const rand = seededRandom(42);
    for (let trial = 0; trial < 25; trial++) {
      const n = 6 + Math.floor(rand() * 7);
      const values = Array.from({ length: n }, () => Math.round(rand() * 1000) / 10);
      const sorted = [...new Set(values)].sort((a, b) => a - b);
      const k = 3 + (trial % 3);
      if (sorted.length < k) continue;
      const breaks = jenksBreaks(sorted, { classes: k });
      expect(breaks).toHaveLength(k - 1);
      expect(cost(sorted, breaks)).toBeCloseTo(bruteForce(sorted, k), 6);
    }
  });

  it('separates obvious clusters exactly', () => {
    expect(jenksBreaks([1, 2, 3, 20, 21, 22, 100, 101], { classes: 3 })).toEqual([3, 22]);
  });

  it('classes a France-sized series on a sample, keeping breaks inside the data and ascending', () => {
    const rand = seededRandom(7);
    const values = Array.from({ length: 35_000 }, () => rand() ** 3 * 50);
    const breaks = jenksBreaks(values, { classes: 5 });
    expect(breaks).toHaveLength(4);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
    expect(breaks[0]).toBeGreaterThan(Math.min(...values));
    expect(breaks[3]).toBeLessThan(Math.max(...values));
  });

  it('handles degenerate series: empty, one value, fewer distinct values than classes', () => {
    expect(jenksBreaks([])).toEqual([]);
    expect(jenksBreaks([4])).toEqual([]);
    expect(jenksBreaks([2, 2, 2, 5, 5], { classes: 5 })).toEqual([2]);
    expect(() => jenksBreaks([1, 2, Number.NaN])).toThrow(/non numériques/);
    expect(() => jenksBreaks([1, 2], { classes: 0 })).toThrow(/entier de 1 à 12/);
  });
});

describe('quantileBreaks', () => {
  it('puts as many values in each class, within one', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const breaks = quantileBreaks(values, { classes: 5 });
    expect(breaks).toEqual([20, 40, 60, 80]);
    const counts = [0, 0, 0, 0, 0];
    for (const v of values) counts[classOf(v, breaks)]!++;
    expect(counts).toEqual([20, 20, 20, 20, 20]);
  });

  it('merges equal breaks of a skewed series rather than making empty classes', () => {
    expect(quantileBreaks([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 2, 3], { classes: 5 })).toEqual([0.1]);
  });
});
