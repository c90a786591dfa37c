/**
 * Benchmark helpers: seeded PRNG, repeated timing with median and spread, and a report line
 * that compares against a target and a baseline measured in the same run.
 */
export interface Timing {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Interquartile range in ms. */
  iqrMs: number;
}

/** mulberry32: small, fast, reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (sorted: number[], q: number) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
};

export function summarise(label: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    label,
    runs: samples.length,
    medianMs: quantile(sorted, 0.5),
    minMs: sorted[0]!,
    maxMs: sorted[sorted.length - 1]!,
    iqrMs: quantile(sorted, 0.75) - quantile(sorted, 0.25),
  };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
export async function time(label: string, fn: () => unknown, { runs = 7, warmup = 1 } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarise(label, samples);
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);

export function formatTiming(t: Timing, target?: { maxMs: number }): string {
  const verdict = target ? (t.medianMs <= target.maxMs ? `  ✔ cible ≤ ${ms(target.maxMs)}` : `  ✘ cible ≤ ${ms(target.maxMs)} MANQUÉE`) : '';
  return `${t.label.padEnd(52)} médiane ${ms(t.medianMs).padStart(9)}  (min ${ms(t.minMs)}, max ${ms(t.maxMs)}, IQR ${ms(t.iqrMs)}, n=${t.runs})${verdict}`;
}

export function formatRatio(label: string, ours: Timing, peer: Timing, target?: { minRatio: number }): string {
  const ratio = peer.medianMs / ours.medianMs;
  const verdict = target ? (ratio >= target.minRatio ? `  ✔ cible ≥ ${target.minRatio}×` : `  ✘ cible ≥ ${target.minRatio}× MANQUÉE`) : '';
  return `${label.padEnd(52)} ${ratio.toFixed(1)}× plus rapide que ${peer.label}${verdict}`;
}

/** A benchmark module: prints its own report lines, returns whether every target was met. */
export interface BenchModule {
  name: string;
  run(log: (line: string) => void): Promise<boolean>;
}
