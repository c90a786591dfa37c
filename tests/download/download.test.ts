/**
 * The download step: from a mirror it copies every input and touches no network; online it asks
 * the official URLs of the millésime and takes the COG lists from the pinned npm package.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { download } from '../../scripts/download/download';
import { mirrorDir } from '../helpers/paths';

const tmp = () => mkdtempSync(join(tmpdir(), 'maillage-dl-'));
const noNetwork: typeof fetch = async (input) => {
  throw new Error(`réseau interdit : ${String(input)}`);
};

describe('download', () => {
  const mirror = mirrorDir();

  it.runIf(mirror)('copies every input from the mirror without touching the network', async () => {
    const dir = tmp();
    const record = await download({ millesime: 2026, cacheDir: dir, mirror: mirror!, fetchImpl: noNetwork });
    expect(record.mode).toBe('mirror');
    const files = record.files.map((f) => f.file);
    expect(files).toEqual(expect.arrayContaining([
      'cog/communes.json.gz', 'cog/departements.json', 'cog/regions.json', 'cog/epci.json.gz',
      'contours/communes.geojson.gz', 'contours/communes-sans-polygone.json', 'contours/departements.geojson', 'contours/regions.geojson',
    ]));
    for (const f of record.files) {
      const bytes = readFileSync(join(dir, f.file));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      expect(f.origin.startsWith('miroir:')).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')).files).toHaveLength(record.files.length);
  });

  it('fetches the official files of the millésime online (Etalab contours, baromètre, SAE, GISCO, FINESS), and the COG lists from the npm package', async () => {
    const dir = tmp();
    const asked: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      asked.push(String(input));
      return new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }));
    };
    const record = await download({ millesime: 2026, cacheDir: dir, fetchImpl: fakeFetch });
    expect(record.mode).toBe('online');
    expect(asked.sort()).toEqual([
      'https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/2026/geojson/communes-100m.geojson.gz',
      'https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/2026/geojson/departements-1000m.geojson.gz',
      'https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/2026/geojson/regions-1000m.geojson.gz',
      ...['311', '312', '318', '587', '589', '679'].map((n) => `https://raw.githubusercontent.com/DITP-pilotage/barometre-resultats/8bab813aa2926e9293cd85d3ac8c35ed74604347/data/ind-${n}.csv`),
      ...['meta_chantiers', 'meta_indicateurs'].map((n) => `https://raw.githubusercontent.com/DITP-pilotage/barometre-resultats/8bab813aa2926e9293cd85d3ac8c35ed74604347/metadata/${n}.csv`),
      'https://raw.githubusercontent.com/eurostat/basic-services/f200d0ce0af43a0353ea0f229e1e770a2be26f8d/data/healthcare/csv/FR.csv',
      ...['ID_2021r', 'URGENCES2_2021r'].map((n) => `https://raw.githubusercontent.com/taniki/notebooks/199697973bf42f3cdde3852881b621668b3b46b0/finess/datasets/SAE%202021%20Bases%20statistiques%20-%20formats%20SAS-CSV/Bases%20statistiques/Bases%20CSV/${n}.csv`),
      // The national FINESS extraction, by its data.gouv.fr resource's stable address (finess-download.test.ts).
      'https://www.data.gouv.fr/fr/datasets/r/98f3161f-79ff-4f16-8f6a-6d571a80fea2',
    ]);
    const cog = record.files.find((f) => f.file === 'cog/communes.json')!;
    expect(cog.origin).toBe('npm:@etalab/decoupage-administratif@6.0.0/data/communes.json');
    // No list of communes without polygon online: that file is optional and absent.
    expect(existsSync(join(dir, 'contours/communes-sans-polygone.json'))).toBe(false);
  });

  it('says what to do when offline without a mirror', async () => {
    await expect(download({ millesime: 2026, cacheDir: tmp(), fetchImpl: noNetwork })).rejects.toThrow(
      /Hors ligne \? Donnez un miroir local : GEODATA_MIRROR=/,
    );
  });

  it('refuses a millésime that the installed COG package does not carry', async () => {
    await expect(download({ millesime: 2024, cacheDir: tmp(), fetchImpl: async () => new Response('{}') })).rejects.toThrow(
      /Le COG 2024 est dans @etalab\/decoupage-administratif@4\.1\.0, or la version installée est 6\.0\.0/,
    );
  });
});
