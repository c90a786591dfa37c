/**
 * Compiles the server for `npm start`: esbuild bundles each entry — the server and the files its
 * worker threads and child processes start — into one flat folder, `dist/server/`, the packages
 * left as imports of `node_modules/` (so native bindings load as they are). `npm start` then runs
 * plain JavaScript: no TypeScript loader (tsx) at start, none in the workers. `tsx` stays for
 * development (`npm run dev:server`), the tests and the scripts.
 *
 * The layout keeps every path the server finds beside itself through `import.meta.url`:
 * - `dist/server/` is two levels under the repository, as `server/src/` is (config.ts: `../..`);
 * - each worker entry is written under the name the code asks for beside it
 *   (`geometry-worker-boot.mjs`, `analysis-worker-boot.mjs`, `prepare-worker-boot.mjs`, `import-worker.mjs`);
 * - the state store's migrations are copied to `dist/server/migrations/` (state-migrations.ts).
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Output name (without `.mjs`) → TypeScript entry, relative to the repository. */
export const SERVER_ENTRIES: Record<string, string> = {
  main: 'server/src/main.ts',
  'geometry-worker-boot': 'server/src/workers/geometry-worker.ts',
  'analysis-worker-boot': 'server/src/workers/analysis-worker.ts',
  'prepare-worker-boot': 'server/src/imports/prepare-worker.ts',
  'import-worker': 'server/src/imports/import-worker.ts',
};

export async function buildServer(repo: string): Promise<{ outDir: string; files: string[] }> {
  const outDir = join(repo, 'dist/server');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: repo,
    entryPoints: Object.entries(SERVER_ENTRIES).map(([out, entry]) => ({ in: entry, out })),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  cpSync(join(repo, 'server/src/db/migrations'), join(outDir, 'migrations'), { recursive: true });
  return { outDir, files: Object.keys(result.metafile.outputs) };
}
