/**
 * Moving an input into the cache without holding it in memory: a mirror file is copied by the
 * file system, an online file is streamed from the response body to disk, and its sha256 is read
 * back in a stream. A 90 MB national extraction never sits whole in this process.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** The first `n` bytes of a file (fewer when it is shorter). */
export function headOfFile(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

export const isGzipFile = (path: string) => {
  const head = headOfFile(path, 2);
  return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
};

export function copyToFile(from: string, to: string): void {
  copyFileSync(from, to);
}

/** Fetches `url` into `to`, streamed; returns the address the response finally came from (after redirects). */
export async function fetchToFile(url: string, to: string, fetchImpl: typeof fetch): Promise<string> {
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (err) {
    throw new Error(
      `Téléchargement impossible de ${url} (${(err as Error).message}). Hors ligne ? Donnez un miroir local : GEODATA_MIRROR=../shared/geodata-src`,
    );
  }
  if (!res.ok) throw new Error(`Téléchargement de ${url} : HTTP ${res.status}`);
  if (!res.body) throw new Error(`Téléchargement de ${url} : réponse sans contenu`);
  await pipeline(Readable.fromWeb(res.body as unknown as WebReadableStream), createWriteStream(to));
  return res.url || url;
}
