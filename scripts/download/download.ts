/**
 * Download step: puts the official inputs of a millésime into the cache folder, either from a
 * local mirror (no network touched) or from the official locations. Writes `sources.json`, the
 * record of what each cached file is, where it came from, its date when its producer gives one
 * (FINESS: the extraction's banner) and its sha256. Files are copied or streamed to disk, never
 * held whole in memory (file-transfer.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { copyToFile, fetchToFile, headOfFile, isGzipFile, sha256OfFile } from './file-transfer';
import { DECOUPAGE_VERSIONS, sourceFiles, type SourceFile } from './sources';

export interface DownloadOptions {
  millesime: number;
  cacheDir: string;
  /** Local mirror laid out as ../shared/geodata-src; when set, no network is used. */
  mirror?: string;
  /** Network access for online mode (injected by tests). */
  fetchImpl?: typeof fetch;
  /** Re-fetch files already in the cache (online mode). */
  force?: boolean;
  log?: (line: string) => void;
}

export interface CachedFile {
  file: string;
  origin: string;
  producer: string;
  licence: string;
  sha256: string;
  bytes: number;
  /** The file's own date as its producer writes it (FINESS: the extraction date of its banner). */
  date?: string | null;
  /** The file's name at its origin, when it is dated (etalab-cs1100507-stock-20260512-0339.csv). */
  originalName?: string;
}

export interface SourcesRecord {
  millesime: number;
  mode: 'mirror' | 'online';
  files: CachedFile[];
}

function writeAtomic(path: string, bytes: Buffer | string) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

function decoupagePackageFile(millesime: number, npmPath: string): { path: string; origin: string } {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('@etalab/decoupage-administratif/package.json');
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  const expected = DECOUPAGE_VERSIONS[millesime];
  if (version !== expected) {
    throw new Error(
      `Le COG ${millesime} est dans @etalab/decoupage-administratif@${expected ?? '?'}, or la version installée est ${version}`,
    );
  }
  return { path: join(dirname(pkgJson), npmPath), origin: `npm:@etalab/decoupage-administratif@${version}/${npmPath}` };
}

/** Where a mirror keeps a source: its path, or for a dated file the newest name of its folder matching the pattern. */
function mirrorFile(mirror: string, src: SourceFile): { path: string; relative: string } | null {
  const path = join(mirror, src.mirrorPath);
  if (!src.mirrorPattern) return existsSync(path) ? { path, relative: src.mirrorPath } : null;
  const names = existsSync(path) ? readdirSync(path).filter((n) => src.mirrorPattern!.test(n)).sort() : [];
  const newest = names.at(-1);
  return newest ? { path: join(path, newest), relative: `${src.mirrorPath}/${newest}` } : null;
}

/** Puts the source's bytes at `tmp`; returns where they came from, or null for an optional source that is absent. */
async function obtain(src: SourceFile, opts: DownloadOptions, tmp: string): Promise<{ origin: string; name: string } | null> {
  if (opts.mirror) {
    const found = mirrorFile(opts.mirror, src);
    if (!found) {
      if (src.optional) return null;
      throw new Error(`Fichier absent du miroir ${opts.mirror} : ${src.mirrorPath}`);
    }
    copyToFile(found.path, tmp);
    return { origin: `miroir:${found.relative}`, name: basename(found.path) };
  }
  if (src.npmPath) {
    const { path, origin } = decoupagePackageFile(opts.millesime, src.npmPath);
    copyToFile(path, tmp);
    return { origin, name: basename(path) };
  }
  if (src.url) {
    const finalUrl = await fetchToFile(src.url, tmp, opts.fetchImpl ?? fetch);
    const name = decodeURIComponent(basename(new URL(finalUrl).pathname));
    return { origin: finalUrl === src.url ? src.url : `${src.url} → ${finalUrl}`, name };
  }
  if (src.optional) return null;
  throw new Error(`Aucune origine pour ${src.cacheName}`);
}

export async function download(opts: DownloadOptions): Promise<SourcesRecord> {
  const log = opts.log ?? (() => {});
  const recordPath = join(opts.cacheDir, 'sources.json');
  const previous: SourcesRecord | null = existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : null;
  const mode = opts.mirror ? 'mirror' : 'online';
  const files: CachedFile[] = [];
  for (const src of sourceFiles(opts.millesime)) {
    const cached = previous?.mode === 'online' && mode === 'online' && !opts.force
      ? previous.files.find((f) => f.file.replace(/\.gz$/, '') === src.cacheName)
      : undefined;
    if (cached && existsSync(join(opts.cacheDir, cached.file)) && (await sha256OfFile(join(opts.cacheDir, cached.file))) === cached.sha256) {
      files.push(cached);
      log(`= ${cached.file} déjà en cache`);
      continue;
    }
    const tmp = join(opts.cacheDir, `${src.cacheName}.tmp-${process.pid}`);
    mkdirSync(dirname(tmp), { recursive: true });
    let got: { origin: string; name: string } | null;
    try {
      got = await obtain(src, opts, tmp);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    if (!got) {
      // A copy left by an earlier download must not outlive its source (the build reads sources.json, but a person reads the folder).
      for (const stale of [src.cacheName, `${src.cacheName}.gz`]) rmSync(join(opts.cacheDir, stale), { force: true });
      log(`- ${src.cacheName} : absent (facultatif)`);
      continue;
    }
    const file = isGzipFile(tmp) ? `${src.cacheName}.gz` : src.cacheName;
    const entry: CachedFile = { file, origin: got.origin, producer: src.producer, licence: src.licence, sha256: await sha256OfFile(tmp), bytes: statSync(tmp).size };
    if (src.dateOf) {
      entry.date = src.dateOf(headOfFile(tmp, 200));
      entry.originalName = got.name;
    }
    renameSync(tmp, join(opts.cacheDir, file));
    files.push(entry);
    log(`✔ ${file} ← ${got.origin} (${(entry.bytes / 1e6).toFixed(1)} Mo${entry.date ? `, du ${entry.date}` : ''})`);
  }
  const record: SourcesRecord = { millesime: opts.millesime, mode, files };
  writeAtomic(recordPath, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
