/**
 * Build progress: one line per step with counts and elapsed time, and a progress bar for long
 * steps (redrawn in place on a terminal, printed every 20 % otherwise). Writes to stderr.
 */
export interface Progress {
  step<T>(label: string, run: () => T | Promise<T>, count?: (result: T) => string): Promise<T>;
  bar(label: string, total: number): (done: number) => void;
}

export function createProgress({ quiet = false, stream = process.stderr } = {}): Progress {
  const start = Date.now();
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const write = (line: string) => {
    if (!quiet) stream.write(line);
  };
  return {
    async step(label, run, count) {
      const t0 = Date.now();
      const result = await run();
      const detail = count ? ` — ${count(result)}` : '';
      write(`✔ ${label}${detail} (${seconds(Date.now() - t0)}, total ${seconds(Date.now() - start)})\n`);
      return result;
    },
    bar(label, total) {
      const tty = Boolean((stream as NodeJS.WriteStream).isTTY);
      let lastShown = -1;
      return (done) => {
        const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (tty) {
          if (pct === lastShown) return;
          const width = 30;
          const filled = Math.round((pct / 100) * width);
          write(`\r  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct} % (${done}/${total})`);
          if (done >= total) write('\n');
        } else if (Math.floor(pct / 20) > Math.floor(lastShown / 20) || (done >= total && lastShown < 100)) {
          write(`  ${label} : ${pct} % (${done}/${total})\n`);
        }
        lastShown = pct;
      };
    },
  };
}
