/**
 * Download step: puts the official inputs of a millésime into the cache folder, either from a
 * local mirror (no network touched) or from the official locations. Writes `sources.json`, the
 * record of what each cached file is, where it came from and its sha256.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
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
}

export interface SourcesRecord {
  millesime: number;
  mode: 'mirror' | 'online';
  files: CachedFile[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const isGzip = (bytes: Buffer) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

function writeAtomic(path: string, bytes: Buffer | string) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

async function fetchBytes(url: string, fetchImpl: typeof fetch): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (err) {
    throw new Error(
      `Téléchargement impossible de ${url} (${(err as Error).message}). Hors ligne ? Donnez un miroir local : GEODATA_MIRROR=../shared/geodata-src`,
    );
  }
  if (!res.ok) throw new Error(`Téléchargement de ${url} : HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

function readDecoupagePackage(millesime: number, npmPath: string): { bytes: Buffer; origin: string } {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('@etalab/decoupage-administratif/package.json');
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  const expected = DECOUPAGE_VERSIONS[millesime];
  if (version !== expected) {
    throw new Error(
      `Le COG ${millesime} est dans @etalab/decoupage-administratif@${expected ?? '?'}, or la version installée est ${version}`,
    );
  }
  return { bytes: readFileSync(join(dirname(pkgJson), npmPath)), origin: `npm:@etalab/decoupage-administratif@${version}/${npmPath}` };
}

async function obtain(src: SourceFile, opts: DownloadOptions): Promise<{ bytes: Buffer; origin: string } | null> {
  if (opts.mirror) {
    const path = join(opts.mirror, src.mirrorPath);
    if (!existsSync(path)) {
      if (src.optional) return null;
      throw new Error(`Fichier absent du miroir ${opts.mirror} : ${src.mirrorPath}`);
    }
    return { bytes: readFileSync(path), origin: `miroir:${src.mirrorPath}` };
  }
  if (src.npmPath) return readDecoupagePackage(opts.millesime, src.npmPath);
  if (src.url) return { bytes: await fetchBytes(src.url, opts.fetchImpl ?? fetch), origin: src.url };
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
    if (cached && existsSync(join(opts.cacheDir, cached.file)) && sha256(readFileSync(join(opts.cacheDir, cached.file))) === cached.sha256) {
      files.push(cached);
      log(`= ${cached.file} déjà en cache`);
      continue;
    }
    const got = await obtain(src, opts);
    if (!got) {
      log(`- ${src.cacheName} : absent (facultatif)`);
      continue;
    }
    const file = isGzip(got.bytes) ? `${src.cacheName}.gz` : src.cacheName;
    writeAtomic(join(opts.cacheDir, file), got.bytes);
    files.push({ file, origin: got.origin, producer: src.producer, licence: src.licence, sha256: sha256(got.bytes), bytes: got.bytes.length });
    log(`✔ ${file} ← ${got.origin} (${(got.bytes.length / 1e6).toFixed(1)} Mo)`);
  }
  const record: SourcesRecord = { millesime: opts.millesime, mode, files };
  writeAtomic(recordPath, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
