/**
 * The encoding a client accepts for a body compressed once and sent as it is (brotli, then gzip,
 * else none), read from `accept-encoding` with its q-values.
 */
export type Encoding = 'br' | 'gzip' | 'identity';

/** Whether `accept-encoding` accepts `name` (a q-value of 0 refuses it; `*` stands for any other). */
export function acceptsEncoding(acceptEncoding: string | undefined, name: string): boolean {
  if (!acceptEncoding) return false;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(coding!, q ? Number(q.slice(2)) || 0 : 1);
  }
  return (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
}

export function preferredEncoding(acceptEncoding: string | undefined): Encoding {
  if (acceptsEncoding(acceptEncoding, 'br')) return 'br';
  if (acceptsEncoding(acceptEncoding, 'gzip')) return 'gzip';
  return 'identity';
}

