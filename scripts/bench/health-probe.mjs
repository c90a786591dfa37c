// A probe of GET /api/health in a process of its own, so that what it measures is the server's
// answer, not the event loop of the bench that sends the load or the upload:
// node health-probe.mjs <url> <everyMs> — prints « prêt » after its first answer, probes until its
// standard input closes, then prints {"max","at","probes","p50"} (at: ms after « prêt »).
const [url, every = '100'] = process.argv.slice(2);
let on = true;
process.stdin.on('end', () => (on = false));
process.stdin.resume();
const times = [];
let max = 0;
let at = 0;
let t0 = 0;
for (let first = true; on; first = false) {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`/api/health : HTTP ${res.status}`);
  const ms = performance.now() - t;
  if (first) {
    t0 = performance.now();
    process.stdout.write('prêt\n');
  } else {
    times.push(ms);
    if (ms > max) [max, at] = [ms, t - t0];
  }
  await new Promise((r) => setTimeout(r, Number(every)));
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ max, at, probes: times.length, p50: times[Math.floor(times.length / 2)] ?? 0 }));
