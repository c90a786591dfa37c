/**
 * A copy of the downloaded inputs whose commune contours hold only some départements, so that a
 * test can break one invariant at a time and rebuild in a second.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface ContourFC {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: any } }[];
}

let franceContours: ContourFC | null = null;

function readFranceContours(inputCache: string): ContourFC {
  franceContours ??= JSON.parse(gunzipSync(readFileSync(join(inputCache, 'contours/communes.geojson.gz'))).toString('utf8'));
  return franceContours!;
}

/** Copies the cache, keeping the contours of `departements` and letting `mutate` edit them. */
export function reducedCache(inputCache: string, departements: string[], mutate: (fc: ContourFC) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-cache-'));
  cpSync(inputCache, dir, { recursive: true });
  const france = readFranceContours(inputCache);
  const fc: ContourFC = structuredClone({
    type: 'FeatureCollection',
    features: france.features.filter((f) => departements.includes(f.properties.dep as string)),
  });
  mutate(fc);
  const bytes = gzipSync(JSON.stringify(fc));
  writeFileSync(join(dir, 'contours/communes.geojson.gz'), bytes);
  const record = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
  for (const f of record.files) {
    if (f.file === 'contours/communes.geojson.gz') f.sha256 = createHash('sha256').update(bytes).digest('hex');
  }
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(record));
  return dir;
}
