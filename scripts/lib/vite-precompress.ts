/**
 * A Vite plugin that compresses the built web app once, at build time: next to every text asset
 * (JS, CSS, HTML, SVG, JSON, fonts other than WOFF/WOFF2, which are compressed already) it writes
 * `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9). The server sends them as they are
 * with `content-encoding` (server/src/lib/serve-web.ts), so no request pays for compression.
 * Deterministic: the same input gives the same bytes (no timestamps in the gzip header).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(m?js|css|html|svg|json|txt|ttf|otf|map)$/;
/** Smaller files are sent as they are: a compressed copy would save less than a packet. */
const MIN_BYTES = 1024;

export function compressFile(path: string): { raw: number; br: number; gz: number } {
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  return { raw: bytes.length, br: br.length, gz: gz.length };
}

function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (COMPRESSIBLE.test(name) && statSync(path).size >= MIN_BYTES) yield path;
  }
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'maillage-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      let raw = 0;
      let br = 0;
      let files = 0;
      for (const path of textFiles(outDir)) {
        const sizes = compressFile(path);
        raw += sizes.raw;
        br += sizes.br;
        files++;
      }
      console.log(`précompression : ${files} fichiers, ${(raw / 1024).toFixed(0)} kB → ${(br / 1024).toFixed(0)} kB en brotli (et .gz)`);
    },
  };
}
