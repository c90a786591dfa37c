/**
 * Answers of the read API kept ready to send: for a GET whose answer depends only on its URL,
 * the data version, the demonstration setting and the day, the body is serialised once and
 * compressed once per encoding asked for (brotli or gzip, off the event loop, the first time a
 * client asks for it: most ask brotli only), and later requests get those bytes as they are. Each
 * answer carries an ETag made of the data version and its key, so a client that has it gets 304
 * without a body. Keyed by the data version read from the database: an import changes the version,
 * so every process of a deployment drops its old answers on its own, none decides an answer.
 *
 * Only anonymous readers are served from it (an answer that depends on who asks is never shared);
 * answers « now » (structures' state, SNP finder) are kept for their minute only (lib/clock.ts).
 * Bounded: at most MAX_BYTES in all, LRU; identical requests arriving together compute once.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { dataVersion } from '../db/analysis-queries';
import { currentMinute } from './clock';
import { preferredEncoding, type Encoding } from './encoded-body';

/** Paths (under /api) whose GET answers depend only on the URL, the data version, the demo setting and the day. */
const CACHEABLE = /^\/api\/(regions|departements|communes|search|cpts|protocols|sas|coverage|access|indicators|sources)(\/|$)/;
/** Paths whose answers also depend on the minute when no instant is given (state « now », lib/clock.ts), with that parameter. */
const PER_MINUTE: [RegExp, string][] = [[/^\/api\/structures$/, 'instant'], [/^\/api\/snp\/nearest$/, 'at']];
const MAX_BYTES = 256 * 1024 * 1024;
const MAX_ENTRY_BYTES = 48 * 1024 * 1024;

/** An answer: its bytes, and each compressed form once a client has asked for it (most ask brotli only). */
interface Entry { identity: Buffer; encoded: Partial<Record<Exclude<Encoding, 'identity'>, Promise<Buffer>>>; headers: [string, string][]; etag: string; bytes: number }

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const compress = (encoding: Exclude<Encoding, 'identity'>, identity: Buffer): Promise<Buffer> => encoding === 'br'
  ? brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })
  : gzipAsync(identity, { level: 6 });

/** The answer in `encoding`, compressed (off the event loop) the first time it is asked for, then kept. */
function bodyIn(cache: AnswerCache, entry: Entry, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'identity') return Promise.resolve(entry.identity);
  let made = entry.encoded[encoding];
  if (!made) {
    made = entry.encoded[encoding] = compress(encoding, entry.identity);
    made.then((b) => {
      entry.bytes += b.length;
      if (cache.entries.get(entryKey(entry)) === entry) cache.bytes += b.length;
    }, () => delete entry.encoded[encoding]);
  }
  return made;
}
const keys = new WeakMap<Entry, string>();
const entryKey = (e: Entry) => keys.get(e) ?? '';

export interface AnswerCache {
  entries: Map<string, Entry>;
  pending: Map<string, Promise<Entry | null>>;
  bytes: number;
  version: string;
}

export function createAnswerCache(): AnswerCache {
  return { entries: new Map(), pending: new Map(), bytes: 0, version: '' };
}

const sameTag = (header: string | undefined, etag: string) =>
  !!header && header.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));

export function answerCache(cache: AnswerCache = createAnswerCache()) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const scope = c.get('scope');
    const minuteParam = PER_MINUTE.find(([re]) => re.test(c.req.path))?.[1];
    if (c.req.method !== 'GET' || (!CACHEABLE.test(c.req.path) && !minuteParam) || scope.actor.kind !== 'anonyme') return next();
    const version = await dataVersion(c.get('db'));
    if (cache.version !== version) {
      cache.entries.clear();
      cache.bytes = 0;
      cache.version = version;
    }
    const url = new URL(c.req.url);
    url.searchParams.sort();
    const minute = minuteParam && !url.searchParams.has(minuteParam) ? `|${currentMinute().toISOString()}` : '';
    const key = `${version}|${scope.demo ? 'demo' : 'réel'}|${scope.date}${minute}|${url.pathname}?${url.searchParams}`;
    const etag = `W/"d${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
    if (sameTag(c.req.header('if-none-match'), etag)) {
      return c.body(null, 304, { etag, 'cache-control': 'no-cache', vary: 'accept-encoding' });
    }
    let entry = cache.entries.get(key);
    if (entry) {
      cache.entries.delete(key);
      cache.entries.set(key, entry);
    } else {
      const waiting = cache.pending.get(key);
      entry = waiting ? ((await waiting) ?? undefined) : undefined;
      if (!entry) {
        let settle!: (e: Entry | null) => void;
        if (!waiting) cache.pending.set(key, new Promise((r) => (settle = r)));
        try {
          await next();
          entry = (await store(cache, key, etag, c.res)) ?? undefined;
        } finally {
          if (!waiting) {
            cache.pending.delete(key);
            settle(entry ?? null);
          }
        }
        if (!entry) return;
      }
    }
    const encoding = preferredEncoding(c.req.header('accept-encoding'));
    const body = await bodyIn(cache, entry, encoding);
    const headers = new Headers(entry.headers);
    headers.set('etag', entry.etag);
    headers.set('cache-control', 'no-cache');
    headers.set('vary', 'accept-encoding');
    if (encoding !== 'identity') headers.set('content-encoding', encoding);
    headers.set('content-length', String(body.length));
    c.res = new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
  });
}

async function store(cache: AnswerCache, key: string, etag: string, res: Response): Promise<Entry | null> {
  if (res.status !== 200 || res.headers.has('content-encoding') || !res.body) return null;
  const identity = Buffer.from(await res.arrayBuffer());
  const headers = [...res.headers].filter(([name]) => !['content-length', 'etag', 'cache-control', 'vary'].includes(name));
  const entry: Entry = { identity, encoded: {}, headers, etag, bytes: identity.length };
  if (entry.bytes > MAX_ENTRY_BYTES) return entry;
  keys.set(entry, key);
  cache.entries.set(key, entry);
  cache.bytes += entry.bytes;
  while (cache.bytes > MAX_BYTES) {
    const [oldest, old] = cache.entries.entries().next().value!;
    cache.entries.delete(oldest);
    cache.bytes -= old.bytes;
  }
  return entry;
}
