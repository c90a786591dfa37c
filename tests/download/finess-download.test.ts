/**
 * Issue 20, item 1 at the download step: the national FINESS extraction is fetched online from the
 * stable address of its data.gouv.fr resource (which answers with the latest file), taken from the
 * mirror's `finess-etalab/` folder when there is one (the newest dated file), and recorded in
 * sources.json with its date (the extraction's banner), its original name and its sha256. Without
 * the folder nothing is recorded, and a copy left by an earlier download is removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { download } from '../../scripts/download/download';
import { FINESS_CACHE_NAME, FINESS_LATEST_URL } from '../../scripts/download/sources';
import { finessBytes } from '../helpers/finess-fixture';
import { mirrorDir } from '../helpers/paths';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const noNetwork: typeof fetch = async (input) => {
  throw new Error(`réseau interdit : ${String(input)}`);
};

/** A mirror holding the real one's folders (links) and, when given, a finess-etalab/ folder. */
function mirrorWith(finess: Record<string, Buffer> | null): string {
  const real = mirrorDir()!;
  const dir = tmp('maillage-miroir-');
  for (const name of readdirSync(real)) symlinkSync(join(real, name), join(dir, name));
  if (finess) {
    mkdirSync(join(dir, 'finess-etalab'));
    for (const [name, bytes] of Object.entries(finess)) writeFileSync(join(dir, 'finess-etalab', name), bytes);
  }
  return dir;
}

describe('the national FINESS extraction at download', () => {
  it('is fetched from the data.gouv.fr stable resource, streamed to the cache, with its date, its file name and its sha256', async () => {
    const dir = tmp('maillage-dl-');
    const fixture = finessBytes();
    const fakeFetch: typeof fetch = async (input) => {
      if (String(input) !== FINESS_LATEST_URL) return new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }));
      // data.gouv.fr answers the stable address by a redirect to the dated file of the latest upload.
      const res = new Response(new Blob([new Uint8Array(fixture)]).stream());
      Object.defineProperty(res, 'url', { value: 'https://static.data.gouv.fr/resources/finess-extraction-du-fichier-des-etablissements/20260512-033900/etalab-cs1100507-stock-20260512-0339.csv' });
      return res;
    };
    const record = await download({ millesime: 2026, cacheDir: dir, fetchImpl: fakeFetch });
    const entry = record.files.find((f) => f.file === FINESS_CACHE_NAME)!;
    expect(entry).toMatchObject({
      date: '2026-05-12', originalName: 'etalab-cs1100507-stock-20260512-0339.csv', sha256: sha(fixture), bytes: fixture.length, licence: 'Licence Ouverte 2.0',
    });
    expect(entry.origin).toBe(`${FINESS_LATEST_URL} → https://static.data.gouv.fr/resources/finess-extraction-du-fichier-des-etablissements/20260512-033900/etalab-cs1100507-stock-20260512-0339.csv`);
    expect(readFileSync(join(dir, FINESS_CACHE_NAME)).equals(fixture)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')).files.find((f: any) => f.file === FINESS_CACHE_NAME).date).toBe('2026-05-12');
  });

  it.runIf(mirrorDir())('is copied from the mirror\'s finess-etalab/ folder when present (its newest dated file), without network', async () => {
    const older = Buffer.from(finessBytes().toString('latin1').replace('2026-05-12', '2026-03-10'), 'latin1');
    const mirror = mirrorWith({ 'etalab-cs1100507-stock-20260310-0412.csv': older, 'etalab-cs1100507-stock-20260512-0339.csv': finessBytes(), 'LISEZMOI.txt': Buffer.from('x') });
    const dir = tmp('maillage-dl-');
    const record = await download({ millesime: 2026, cacheDir: dir, mirror, fetchImpl: noNetwork });
    expect(record.files.find((f) => f.file === FINESS_CACHE_NAME)).toMatchObject({
      origin: 'miroir:finess-etalab/etalab-cs1100507-stock-20260512-0339.csv', date: '2026-05-12', originalName: 'etalab-cs1100507-stock-20260512-0339.csv', sha256: sha(finessBytes()),
    });

    // The folder gone, the next download records no extraction and leaves no stale copy behind.
    const again = await download({ millesime: 2026, cacheDir: dir, mirror: mirrorWith(null), fetchImpl: noNetwork });
    expect(again.files.some((f) => f.file.startsWith('finess/'))).toBe(false);
    expect(existsSync(join(dir, FINESS_CACHE_NAME))).toBe(false);
    // Everything else is recorded exactly as before.
    expect(again.files.map((f) => [f.file, f.sha256])).toEqual(record.files.filter((f) => f.file !== FINESS_CACHE_NAME).map((f) => [f.file, f.sha256]));
  });
});
